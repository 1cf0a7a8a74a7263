package dev.vigil.hcl;

import java.util.List;

/** A parsed file: its body and every comment, in source order. */
public record HclFile(String file, Body body, List<Comment> comments) {
    public HclFile {
        comments = List.copyOf(comments);
    }
}
