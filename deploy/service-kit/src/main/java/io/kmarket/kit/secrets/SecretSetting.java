package io.kmarket.kit.secrets;

import java.util.List;

/**
 * A setting holding a secret, as the services name it in application.properties. A required one must be set; an
 * optional one (an upstream credential) may stay empty, because a source without credentials is skipped, but once
 * set it must be real. A list holds comma-separated secrets (OpenDART keys), each checked alone.
 */
public record SecretSetting(String property, boolean required, boolean list) {

    /** Every secret any service reads; a service that does not read one simply has no value for it. */
    public static final List<SecretSetting> ALL = List.of(
            new SecretSetting("quarkus.datasource.password", true, false),
            new SecretSetting("kmarket.internal.token", true, false),
            new SecretSetting("kmarket.sources.krx.password", false, false),
            new SecretSetting("kmarket.sources.dart.api-keys", false, true),
            new SecretSetting("kmarket.sources.kis.app-key", false, false),
            new SecretSetting("kmarket.sources.kis.app-secret", false, false));

    /** The database user, which the roles' built-in default passwords equal (deploy/db/roles.sql, ProdSettings). */
    static final String DB_USERNAME = "quarkus.datasource.username";
}
