package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleDefinition;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** The --rule option every command that runs rules shares. */
final class RuleSelection {

    @Option(names = "--rule", paramLabel = "ID", description = "Rule to run; repeatable (default: all rules).")
    List<String> ids = new ArrayList<>();

    /** The chosen rules; an unknown ID is a usage error naming the known ones. */
    List<RuleDefinition> select(Catalog catalog) {
        return catalog.select(ids);
    }
}
