package dev.vigil.report.remedy;

import dev.vigil.core.check.Check;
import dev.vigil.core.model.Origin;
import dev.vigil.core.remedy.BackupAssignment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Remediation as code: the typed remedies of failing checks, rendered as AWS CLI, CloudFormation or Terraform. */
public enum Emitter {
    CLI(new CliScript()), CLOUDFORMATION(new CloudFormationTemplate()), TERRAFORM(new TerraformConfig());

    private final Form form;

    Emitter(Form form) {
        this.form = form;
    }

    public String render(List<Check> failing, String planName) {
        return form.render(RemedySet.of(failing), planName);
    }

    /** One rendering of a remedy set. */
    interface Form {
        String render(RemedySet remedies, String planName);
    }

    /** The DB instances and clusters of one region that need an AWS Backup plan. */
    record BackupFix(String account, String region, List<String> arns, List<String> reasons) {}

    /** Remedies grouped the way every form needs them: property changes one by one, backup per region. */
    record RemedySet(List<PropertyChange> properties, List<BackupFix> backups) {

        static RemedySet of(List<Check> failing) {
            List<PropertyChange> properties = new ArrayList<>();
            Map<String, BackupFix> backups = new TreeMap<>();
            for (Check c : failing) {
                if (!(c.origin() instanceof Origin.Live live)) {
                    continue;
                }
                String account = live.account();
                String region = live.region();
                String reason = c.rule().id() + " " + c.resourceName() + ": " + c.message();
                PropertyChange change = c.remedy() == null ? null
                        : PropertyChange.of(account, region, c.remedy(), reason);
                if (change != null) {
                    properties.add(change);
                    continue;
                }
                switch (c.remedy()) {
                    case BackupAssignment r -> {
                        BackupFix fix = backups.computeIfAbsent(account + "|" + region,
                                k -> new BackupFix(account, region, new ArrayList<>(), new ArrayList<>()));
                        fix.arns().add(r.resourceArn());
                        fix.reasons().add(reason);
                    }
                    case null, default -> { }
                }
            }
            backups.values().forEach(b -> b.arns().sort(null));
            return new RemedySet(properties, List.copyOf(backups.values()));
        }
    }
}
