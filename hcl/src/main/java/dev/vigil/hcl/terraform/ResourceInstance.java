package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.util.List;
import java.util.Optional;

/**
 * One resource instance after {@code count}/{@code for_each} and module expansion.
 *
 * @param address          as Terraform prints it, e.g. {@code module.m["a"].aws_dynamodb_table.t[0]}
 * @param modulePath       the module part of the address ({@code ""} for the root module)
 * @param key              the instance key (number for count, string for for_each), or null
 * @param file             path relative to the scanned root, with '/' separators
 * @param line             line of the resource block's first line
 * @param expansionBlocker when count/for_each could not be evaluated: this single instance stands
 *                         for all of them and the unknown names the blocking expression; else null
 */
public record ResourceInstance(String address, String modulePath, String type, String name, Value key,
                               String file, int line, EvaluatedBlock body, List<SkipDirective> skips,
                               Unknown expansionBlocker) {
    public ResourceInstance {
        skips = List.copyOf(skips);
    }

    public boolean expanded() {
        return expansionBlocker == null;
    }

    public Optional<Value> attribute(String attributeName) {
        return body.attribute(attributeName);
    }
}
