package dev.orden.ratelimit;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Gives back a request's place among its tenant's requests in progress when the request ends, should the response
 * filter not have run (an answer the JAX-RS runtime wrote without it); releasing twice is harmless.
 */
@WebListener
public class PermitRelease implements ServletRequestListener {

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        if (event.getServletRequest().getAttribute(RateLimitFilter.PERMIT) instanceof InFlight.Permit permit) {
            permit.release();
        }
    }
}
