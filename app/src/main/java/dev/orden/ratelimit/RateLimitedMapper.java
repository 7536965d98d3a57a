package dev.orden.ratelimit;

import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A {@link RateLimited} thrown anywhere answers with its {@code Retry-After}. */
@Provider
public class RateLimitedMapper implements ExceptionMapper<RateLimited> {

    @Context
    UriInfo uriInfo;

    @Override
    public Response toResponse(RateLimited exception) {
        return exception.toResponse(uriInfo.getPath());
    }
}
