package io.kmarket.kit.problem;

import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import jakarta.ws.rs.HttpMethod;

import org.jboss.resteasy.reactive.server.core.Deployment;
import org.jboss.resteasy.reactive.server.handlers.ClassRoutingHandler;
import org.jboss.resteasy.reactive.server.handlers.RestInitialHandler.InitialMatch;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper;
import org.jboss.resteasy.reactive.server.mapping.RequestMapper.RequestMatch;
import org.jboss.resteasy.reactive.server.spi.ServerRestHandler;

import io.quarkus.resteasy.reactive.server.runtime.ResteasyReactiveRecorder;

/**
 * The methods a path is served with, for the Allow header every 405 must carry (RFC 9110, section 15.5.6). Quarkus
 * REST refuses a method with a bare 405; this asks the routing tables it matched the request against, the same way:
 * every resource class whose path matches, and in it every method whose template matches the rest of the path.
 * HEAD is served wherever GET is, and OPTIONS everywhere a resource matches (Quarkus REST answers both itself).
 */
final class AllowedMethods {

    /** The resource classes' routing table of the running deployment (a new one after a dev-mode reload). */
    private record Routes(Deployment deployment, RequestMapper<InitialMatch> classes) {
    }

    private static volatile Routes routes;

    private AllowedMethods() {
    }

    /** The methods served at {@code path} (relative to the REST root, as UriInfo gives it), in alphabetical order. */
    static Set<String> at(String path) {
        Routes current = current();
        if (current == null) {
            return Set.of();
        }
        Set<String> allowed = new TreeSet<>();
        RequestMatch<InitialMatch> match = current.classes().map(path);
        while (match != null) {
            String remaining = match.remaining == null || match.remaining.isEmpty() ? "/" : match.remaining;
            for (ServerRestHandler handler : match.value.handlers) {
                if (handler instanceof ClassRoutingHandler routing) {
                    routing.getMappers().forEach((method, templates) -> {
                        // The null key holds sub-resource locators, which answer no method of their own.
                        if (method != null && templates.map(remaining) != null) {
                            allowed.add(method);
                        }
                    });
                }
            }
            match = current.classes().continueMatching(path, match);
        }
        if (allowed.isEmpty()) {
            return Set.of();
        }
        if (allowed.contains(HttpMethod.GET)) {
            allowed.add(HttpMethod.HEAD);
        }
        allowed.add(HttpMethod.OPTIONS);
        return Collections.unmodifiableSet(allowed);
    }

    private static Routes current() {
        Deployment deployment = ResteasyReactiveRecorder.getCurrentDeployment();
        if (deployment == null) {
            return null;
        }
        Routes known = routes;
        if (known == null || known.deployment() != deployment) {
            known = new Routes(deployment, new RequestMapper<>(deployment.getClassMappers()));
            routes = known;
        }
        return known;
    }
}
