package io.kmarket.kit.problem;

/** A request parameter (query, path or body field) the service cannot accept; answered 400 naming it. */
public class BadParameterException extends RuntimeException {

    private final String parameter;

    public BadParameterException(String parameter, String detail) {
        super(parameter + ": " + detail);
        this.parameter = parameter;
    }

    public String parameter() {
        return parameter;
    }
}
