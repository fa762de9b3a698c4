package io.dengta.commons.requestid;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.MDC;

/** Propagates the current request's id to every call made with a REST client. */
@Provider
public class RequestIdClientFilter implements ClientRequestFilter {

    @Override
    public void filter(ClientRequestContext context) {
        Object id = MDC.get(RequestIds.MDC_KEY);
        if (id != null && !context.getHeaders().containsKey(RequestIds.HEADER)) {
            context.getHeaders().putSingle(RequestIds.HEADER, id.toString());
        }
    }
}
