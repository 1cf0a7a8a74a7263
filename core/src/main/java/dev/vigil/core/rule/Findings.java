package dev.vigil.core.rule;

import dev.vigil.core.check.Check;
import dev.vigil.core.check.Status;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.Value;
import dev.vigil.core.remedy.Remedy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Where a rule reports: one check per evaluated resource, plus scope-level notes. */
public final class Findings {

    private final RuleMeta rule;
    private final Map<String, Object> settings;
    private final RuleConfig.Exceptions exceptions;
    private final List<Check> checks = new ArrayList<>();
    private final List<Note> notes = new ArrayList<>();

    /** Findings of a rule as configured: its settings are readable, and excepted resources are marked. */
    public Findings(RuleDefinition rule) {
        this.rule = rule.meta();
        this.settings = rule.settings();
        this.exceptions = rule.exceptions();
    }

    /** The metadata of the rule reporting here. */
    public RuleMeta rule() {
        return rule;
    }

    /** The value of an INTEGER setting. */
    public long integer(String setting) {
        return (Long) setting(setting);
    }

    /** The value of a STRING setting. */
    public String string(String setting) {
        return (String) setting(setting);
    }

    /** The value of a STRINGS setting. */
    @SuppressWarnings("unchecked")
    public List<String> strings(String setting) {
        return (List<String>) setting(setting);
    }

    private Object setting(String name) {
        Object value = settings.get(name);
        if (value == null) {
            throw new IllegalStateException(rule.id() + " reads setting '" + name + "' that its @RuleInfo does not declare");
        }
        return value;
    }

    public void pass(Resource resource, String message) {
        add(resource, Status.SUCCESS, message, null, Map.of());
    }

    public void pass(Resource resource, String message, Map<String, Object> properties) {
        add(resource, Status.SUCCESS, message, null, properties);
    }

    public void fail(Resource resource, String message, Remedy remedy) {
        add(resource, Status.FAILURE, message, remedy, Map.of());
    }

    public void fail(Resource resource, String message, Remedy remedy, Map<String, Object> properties) {
        add(resource, Status.FAILURE, message, remedy, properties);
    }

    public void error(Resource resource, String message) {
        add(resource, Status.ERROR, message, null, Map.of());
    }

    public void unknown(Resource resource, String message) {
        add(resource, Status.UNKNOWN, message, null, Map.of());
    }

    /**
     * Reports a value the rule could not read: UNKNOWN naming the blocking expression, or ERROR with the
     * live fault. Returns true when it reported, so the rule can stop on that resource.
     */
    public boolean unresolved(Resource resource, Value<?> value, String what) {
        return switch (value) {
            case Value.Known<?> k -> false;
            case Value.Unknown<?> u -> {
                unknown(resource, what + " cannot be resolved: " + u.expression());
                yield true;
            }
            case Value.Failed<?> f -> {
                error(resource, what + " could not be read: " + f.cause());
                yield true;
            }
        };
    }

    /** A verdict about a whole scope (e.g. a region), printed beside the checks. */
    public void note(String scope, String region, String text) {
        notes.add(new Note(rule.id(), scope, region, text));
    }

    private void add(Resource resource, Status status, String message, Remedy remedy,
                     Map<String, Object> properties) {
        String excepted = exceptions.match(resource.id(), resource.name(), resource.tags());
        checks.add(new Check(rule, status, resource.id(), resource.name(), resource.origin(), message, remedy,
                properties, excepted == null ? null : "rule exception: " + excepted));
    }

    public List<Check> checks() {
        return checks;
    }

    public List<Note> notes() {
        return notes;
    }
}
