package io.kmarket.kit.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Collections;
import java.util.Optional;
import java.util.Properties;

/**
 * The production lines of the service's application.properties, as written ({@code ${KMARKET_DB_PASSWORD:kmarket_api}}):
 * the resolved configuration no longer says which value came from a built-in default, the file does.
 */
class PropertyExpressions {

    private final Properties lines = new Properties();

    PropertyExpressions() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try {
            for (URL url : Collections.list(loader.getResources("application.properties"))) {
                try (InputStream in = url.openStream()) {
                    lines.load(in);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read application.properties", e);
        }
    }

    /** Given lines instead of the class path's (tests). */
    PropertyExpressions(Properties lines) {
        this.lines.putAll(lines);
    }

    Optional<String> of(String property) {
        return Optional.ofNullable(lines.getProperty(property));
    }
}
