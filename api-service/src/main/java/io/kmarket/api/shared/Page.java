package io.kmarket.api.shared;

import java.util.List;

import io.quarkus.runtime.annotations.RegisterForReflection;

/** A page of a keyset-paginated listing; {@code nextCursor} is null on the last page. */
@RegisterForReflection
public record Page<T>(List<T> items, String nextCursor) {
}
