package io.kmarket.api.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.kmarket.kit.problem.BadParameterException;

/**
 * Opaque keyset cursors: the key of the last row of a page, versioned and base64url-encoded. The cursor alone
 * says where the next page starts, so any instance can continue a listing another one began.
 */
public final class Cursor {

    private static final String VERSION = "1";
    private static final String SEPARATOR = "\u001f";
    private static final int MAX_LENGTH = 200;
    /** Unpadded base64url that decodes cleanly (a length of 4n+1 is never valid). */
    private static final Pattern BASE64URL = Pattern.compile("([A-Za-z0-9_-]{4})*([A-Za-z0-9_-]{2,3})?");

    private Cursor() {
    }

    public static String encode(String kind, String... keys) {
        String plain = VERSION + SEPARATOR + kind + SEPARATOR + String.join(SEPARATOR, keys);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    /** The keys of a cursor of the given kind with the given number of keys, or 400 naming {@code cursor}. */
    public static List<String> decode(String cursor, String kind, int keyCount) {
        if (cursor == null) {
            return null;
        }
        if (cursor.length() <= MAX_LENGTH && BASE64URL.matcher(cursor).matches()) {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            String[] parts = plain.split(SEPARATOR, -1);
            if (parts.length == keyCount + 2 && VERSION.equals(parts[0]) && kind.equals(parts[1])) {
                return List.of(parts).subList(2, parts.length);
            }
        }
        throw new BadParameterException("cursor", "is not a cursor returned by this listing");
    }
}
