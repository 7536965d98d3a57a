package dev.orden.ratelimit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The rate limit a resource method (or every method of a resource class) counts against, besides the tenant's
 * quota; a resource without it that is called without a token counts against {@link RateLimit#PUBLIC}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Limited {
    RateLimit value();
}
