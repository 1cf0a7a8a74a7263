package dev.vigil.hcl;

/** A syntax error, always located: the message reads {@code file:line:column: cause}. */
public final class HclParseException extends RuntimeException {
    private final SourcePos pos;
    private final String cause;

    public HclParseException(SourcePos pos, String cause) {
        super(pos + ": " + cause);
        this.pos = pos;
        this.cause = cause;
    }

    public SourcePos pos() {
        return pos;
    }

    public String file() {
        return pos.file();
    }

    public int line() {
        return pos.line();
    }

    public int column() {
        return pos.column();
    }

    /** The cause alone, without the location prefix. */
    public String reason() {
        return cause;
    }
}
