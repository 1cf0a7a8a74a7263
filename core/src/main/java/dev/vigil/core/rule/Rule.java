package dev.vigil.core.rule;

import dev.vigil.core.model.Inventory;

/**
 * A pure function from an inventory to findings. A rule never calls AWS, parses files or does I/O, so the
 * same class runs on live and on template inventories. Implementations carry {@link RuleInfo}.
 */
public interface Rule {

    void evaluate(Inventory inventory, Findings findings);
}
