package dev.vigil.cli;

import dev.vigil.core.rule.Catalog;
import dev.vigil.core.rule.RuleConfig;
import dev.vigil.core.rule.RuleDefinition;
import dev.vigil.service.ChannelMaker;
import dev.vigil.service.ConfigLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The --rule and --setting options every command that runs rules shares. */
final class RuleSelection {

    @Option(names = "--rule", paramLabel = "ID", description = "Rule to run; repeatable (default: all rules).")
    List<String> ids = new ArrayList<>();

    @Option(names = "--setting", paramLabel = "RULE.SETTING=VALUE",
            description = "A rule setting for this run, e.g. RDS-003.minimumRetentionPeriod=14; repeatable "
                    + "('vigil explain RULE' lists a rule's settings).")
    Map<String, String> settings = new LinkedHashMap<>();

    @Option(names = "--rules-config", paramLabel = "FILE",
            description = "Rule configuration for this run: a YAML file with a 'rules:' section as an account has in "
                    + "'vigil serve --config' (enabled, riskLevel, settings, exceptions); --setting wins over it.")
    Path rulesConfig;

    /** The chosen rules with their settings; an unknown rule ID or setting is a usage error naming what exists. */
    List<RuleDefinition> select(Catalog catalog) {
        List<RuleDefinition> selected = catalog.select(ids);
        Map<String, RuleConfig> configs = new LinkedHashMap<>();
        if (rulesConfig != null) {
            new ConfigLoader(catalog, ChannelMaker.NOTIFY, System::getenv).loadRules(rulesConfig)
                    .forEach((id, config) -> configs.put(catalog.find(id).meta().id(), config));
        }
        settings.forEach((key, value) -> {
            int dot = key.indexOf('.');
            if (dot <= 0 || dot == key.length() - 1) {
                throw new Vigil.UserException("--setting " + key + "=" + value
                        + ": expected RULE.SETTING=VALUE, e.g. RDS-003.minimumRetentionPeriod=14");
            }
            String ruleId = catalog.find(key.substring(0, dot)).meta().id();
            if (selected.stream().noneMatch(r -> r.meta().id().equals(ruleId))) {
                throw new Vigil.UserException("--setting " + key + ": " + ruleId + " is not among the rules selected with --rule");
            }
            configs.put(ruleId, configs.getOrDefault(ruleId, RuleConfig.DEFAULT).withSetting(key.substring(dot + 1), value));
        });
        return catalog.configure(selected, configs);
    }
}
