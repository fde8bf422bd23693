package io.kmarket.kit.problem;

/** A well-formed request for something kmarket does not know (a stock, an index, a run); answered 404. */
public class ResourceNotFoundException extends RuntimeException {

    public ResourceNotFoundException(String detail) {
        super(detail);
    }
}
