package io.edgesplit.io;

/** The catalogue's valid instance, for tests in other packages (the fuzz test mutates it). */
public final class MalformedInstanceTestAccess {
    private MalformedInstanceTestAccess() {}

    public static final String VALID = MalformedInstanceTest.VALID;
}
