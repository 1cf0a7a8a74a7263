package dev.vigil.hcl;

import java.util.List;

/** A block such as {@code resource "aws_s3_bucket" "b" { ... }}; {@code pos} is where its type starts. */
public record Block(String type, List<String> labels, Body body, SourcePos pos) {
    public Block {
        labels = List.copyOf(labels);
    }
}
