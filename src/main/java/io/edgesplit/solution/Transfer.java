package io.edgesplit.solution;

/**
 * One scheduled transfer of a {@link Schedule}, by indices.
 *
 * @param tensor {@link #INPUT} for the model input, otherwise the producing layer's index
 */
public record Transfer(int tensor, int from, int to, long start) {
    public static final int INPUT = -1;
}
