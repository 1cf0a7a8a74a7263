package dev.vigil.notify;

import java.util.List;

/** A channel configuration that cannot work: one line per problem, each naming the channel and the setting. */
public final class InvalidChannelException extends Exception {

    private final List<String> problems;

    public InvalidChannelException(List<String> problems) {
        super(String.join("\n", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
