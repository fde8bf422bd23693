package io.kmarket.api.shared;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.kmarket.api.config.ApiConfig;

/**
 * Daily series (prices, indicators) as JSON or CSV with an ETag and Cache-Control. The ETag is a digest of the
 * exact bytes answered (and of a validator the caller may add, such as the version of the factors an adjusted
 * series was computed with), so it depends on the data alone: every instance computes the same tag for the same
 * rows, and a conditional request is answered 304 by whichever instance receives it.
 */
@ApplicationScoped
public class CacheableRepresentation {

    public static final String TEXT_CSV = "text/csv";
    private static final MediaType CSV_UTF8 = new MediaType("text", "csv", "UTF-8");
    private static final List<Variant> VARIANTS = Variant.mediaTypes(MediaType.APPLICATION_JSON_TYPE, CSV_UTF8)
            .build();

    /** One variant of a series as clients get it: its bytes and their ETag. */
    private record Rendered(byte[] bytes, EntityTag tag) {
    }

    private final ObjectMapper json;
    private final String cacheControl;
    // Caffeine rather than the quarkus-cache annotations: the cache is sized by the bytes it holds, and its size and
    // lifetime are read from runtime configuration. Null when the lifetime is zero: a Caffeine cache that keeps
    // nothing still lets concurrent requests for one key share a single load.
    private final Cache<String, Rendered> rendered;

    CacheableRepresentation(ObjectMapper json, ApiConfig config) {
        this.json = json;
        // Shared caches may keep these too: the answer is the same for every client.
        this.cacheControl = "public, max-age=" + config.cacheMaxAge().toSeconds();
        ApiConfig.RepresentationCache cache = config.representationCache();
        this.rendered = cache.ttl().isZero() ? null : Caffeine.newBuilder()
                .maximumWeight(cache.maxBytes())
                .weigher((String key, Rendered value) -> key.length() + value.bytes().length)
                .expireAfterWrite(cache.ttl())
                .build();
    }

    /**
     * JSON unless the client prefers CSV; 406 when it accepts neither. {@code key} names the series (resource and
     * parameters); the rows are loaded only when this instance has not rendered that variant within the cache's
     * lifetime, which is kept well below what Cache-Control already allows every client to reuse.
     */
    public <T> Response respond(Request request, String key, Supplier<T> rows, Function<T, Object> asJson,
            Function<T, String> asCsv) {
        return respond(request, key, rows, asJson, asCsv, loaded -> "");
    }

    /**
     * As {@link #respond(Request, String, Supplier, Function, Function)}, the ETag also covering {@code validator}
     * of the rows: what the answer depends on beyond its bytes. An empty validator leaves the tag as it was.
     */
    public <T> Response respond(Request request, String key, Supplier<T> rows, Function<T, Object> asJson,
            Function<T, String> asCsv, Function<T, String> validator) {
        Variant variant = request.selectVariant(VARIANTS);
        if (variant == null) {
            throw new NotAcceptableException("this resource is available as application/json or text/csv");
        }
        boolean asCsvVariant = variant.getMediaType().isCompatible(CSV_UTF8);
        Supplier<Rendered> load = () -> {
            T loaded = rows.get();
            return render(asCsvVariant ? asCsv.apply(loaded).getBytes(StandardCharsets.UTF_8) : toJson(asJson.apply(loaded)),
                    validator.apply(loaded));
        };
        Rendered answer = rendered == null ? load.get()
                : rendered.get(key + (asCsvVariant ? "|csv" : "|json"), k -> load.get());
        Response.ResponseBuilder notModified = request.evaluatePreconditions(answer.tag());
        Response.ResponseBuilder builder = notModified != null ? notModified
                : Response.ok(answer.bytes(), asCsvVariant ? CSV_UTF8 : MediaType.APPLICATION_JSON_TYPE);
        // Vary: Accept is added by Request.selectVariant.
        return builder.tag(answer.tag()).header(HttpHeaders.CACHE_CONTROL, cacheControl).build();
    }

    private static Rendered render(byte[] bytes, String validator) {
        return new Rendered(bytes, new EntityTag(digest(validator.getBytes(StandardCharsets.UTF_8), bytes)));
    }

    private byte[] toJson(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    /**
     * 64 bits from two CRCs of different polynomials, both computed by CPU instructions: a cryptographic digest
     * took 7 % of a prices request's CPU in a profile, and an ETag only has to change when the bytes do.
     */
    private static String digest(byte[] validator, byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(validator);
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(validator);
        ieee.update(bytes);
        return "%08x%08x%08x".formatted(castagnoli.getValue(), ieee.getValue(), bytes.length);
    }
}
