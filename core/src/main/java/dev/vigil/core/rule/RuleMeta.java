package dev.vigil.core.rule;

import dev.vigil.core.model.Resource;
import dev.vigil.core.remedy.Remedy;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule's metadata as reports and the knowledge base use it; {@code remedy} is null for rules without one;
 * {@code fields} are those of {@code resource} it reads, empty for all (see {@link RuleInfo#fields()}).
 */
public record RuleMeta(String id, String title, Risk risk, List<Category> categories, List<String> compliances,
                       String service, Class<? extends Resource> resource, Set<Class<? extends Resource>> reads,
                       Class<? extends Remedy> remedy, List<Setting> settings, List<String> controls,
                       Set<String> fields) {

    public RuleMeta {
        settings = List.copyOf(settings);
        controls = List.copyOf(controls);
        fields = Set.copyOf(fields);
    }

    /** Metadata of a rule without settings or control mappings. */
    public RuleMeta(String id, String title, Risk risk, List<Category> categories, List<String> compliances,
                    String service, Class<? extends Resource> resource, Set<Class<? extends Resource>> reads,
                    Class<? extends Remedy> remedy) {
        this(id, title, risk, categories, compliances, service, resource, reads, remedy, List.of(), List.of(), Set.of());
    }

    /** The controls of {@code standard} this rule maps to (without the {@code STANDARD:} prefix). */
    public List<String> controls(String standard) {
        String prefix = standard + ":";
        return controls.stream().filter(c -> c.startsWith(prefix)).map(c -> c.substring(prefix.length())).toList();
    }

    public static RuleMeta of(Class<? extends Rule> type) {
        RuleInfo info = type.getAnnotation(RuleInfo.class);
        if (info == null) {
            throw new IllegalStateException(type.getName() + " has no @RuleInfo");
        }
        Set<Class<? extends Resource>> reads = new LinkedHashSet<>();
        reads.add(info.resource());
        reads.addAll(List.of(info.reads()));
        return new RuleMeta(info.id(), info.title(), info.risk(), List.of(info.categories()),
                List.of(info.compliances()), info.service(), info.resource(), Set.copyOf(reads),
                info.remedy() == Remedy.class ? null : info.remedy(),
                Arrays.stream(info.settings()).map(s -> Setting.of(info.id(), s)).toList(), List.of(info.controls()),
                Set.of(info.fields()));
    }

    public Optional<Setting> setting(String name) {
        return settings.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    /** This metadata with another risk level, as a rule configuration may set it. */
    public RuleMeta withRisk(Risk newRisk) {
        return new RuleMeta(id, title, newRisk, categories, compliances, service, resource, reads, remedy, settings,
                controls, fields);
    }
}
