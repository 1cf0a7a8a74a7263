package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.Resource;
import dev.vigil.core.model.TagCondition;
import dev.vigil.core.model.Value;
import dev.vigil.core.model.Wildcard;
import dev.vigil.iac.cloudformation.Node.Field;
import dev.vigil.iac.cloudformation.Node.ListNode;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import dev.vigil.iac.cloudformation.Node.Unresolved;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code AWS::Backup::BackupSelection}. In {@code Resources} and {@code NotResources}, {@code !Ref DB} of a DB
 * instance or DB cluster in the template stands for its ARN (CloudFormation's Ref gives its identifier); entries
 * that cannot be resolved stay as unknown values, and so do literal ARNs whose match with an instance of the
 * template depends on the region or account it is deployed to, when those are not given. Tag tests ({@code ListOfTags}, {@code Conditions}) must be
 * decided to be modelled: when one cannot be, the selection is left out and a fault is reported instead, so
 * that rules say ERROR rather than guess coverage. {@code aws:ResourceTag/} prefixes of condition keys are
 * removed (rules compare plain tag keys).
 */
final class BackupSelectionMapper implements ResourceMapper {

    private static final String TAG_PREFIX = "aws:ResourceTag/";

    @Override
    public Class<? extends Resource> kind() {
        return BackupSelection.class;
    }

    @Override
    public void map(TemplateMapping mapping, String logicalId, int line, MapNode resource,
                    Map<String, String> suppressed) {
        TemplateEvaluator evaluator = mapping.evaluator();
        MapNode properties = evaluator.properties(logicalId);
        Node raw = properties.get("BackupSelection");
        Node selection = evaluator.evaluate(raw);
        if (!(selection instanceof MapNode evaluated)) {
            String why = selection instanceof Unresolved u ? u.expression() : "missing or not a mapping";
            mapping.fault(line, BackupSelection.class, "BackupSelection of " + logicalId + " cannot be resolved: " + why);
            return;
        }
        MapNode written = raw instanceof MapNode map && !evaluator.intrinsic(map) ? map : evaluated;
        try {
            mapping.add(new BackupSelection(mapping.origin(line), logicalId,
                    TemplateMapping.text(evaluated.get("SelectionName"), logicalId),
                    planName(mapping, properties.get("BackupPlanId")),
                    arns(mapping, written.get("Resources")), arns(mapping, written.get("NotResources")),
                    listOfTags(mapping, evaluated.get("ListOfTags")), conditions(mapping, evaluated.get("Conditions"))),
                    suppressed);
        } catch (UndecidedTagTest e) {
            mapping.fault(e.line, BackupSelection.class, "tag test of backup selection " + logicalId
                    + " cannot be decided: " + e.getMessage());
        }
    }

    /** The {@code BackupPlanName} of a plan in this template, else the plan ID as given or as written. */
    private static String planName(TemplateMapping mapping, Node planId) {
        TemplateEvaluator evaluator = mapping.evaluator();
        String plan = null;
        if (planId instanceof MapNode call && call.get("Ref") instanceof Scalar ref) {
            plan = ref.text();
        } else if (planId instanceof MapNode call && call.get("Fn::GetAtt") instanceof ListNode getAtt
                && !getAtt.items().isEmpty() && getAtt.items().get(0) instanceof Scalar target) {
            plan = target.text();
        }
        if (plan != null && "AWS::Backup::BackupPlan".equals(evaluator.type(plan))) {
            Node body = evaluator.evaluate(evaluator.properties(plan).get("BackupPlan"));
            return TemplateMapping.text(TemplateMapping.field(body, "BackupPlanName"), plan);
        }
        return mapping.presence(evaluator.evaluate(planId));
    }

    private static List<Value<String>> arns(TemplateMapping mapping, Node written) {
        TemplateEvaluator evaluator = mapping.evaluator();
        List<Value<String>> out = new ArrayList<>();
        if (written instanceof ListNode list) {
            for (Node item : list.items()) {
                collect(mapping, arn(evaluator, item), out);
            }
        } else {
            collect(mapping, evaluator.evaluate(written), out);
        }
        return out;
    }

    /**
     * One evaluated entry, where {@code !Ref DB} of a DB instance or DB cluster (also as a branch of {@code Fn::If})
     * is its ARN.
     */
    private static Node arn(TemplateEvaluator evaluator, Node item) {
        if (item instanceof MapNode call && evaluator.intrinsic(call)) {
            if (call.get("Ref") instanceof Scalar ref && TemplateEvaluator.DB_INSTANCE.equals(evaluator.type(ref.text()))) {
                String arn = evaluator.rdsArn(ref.text());
                return new Scalar(arn, arn.contains("${"), call.span());
            }
            if (call.get("Ref") instanceof Scalar ref && evaluator.isDbCluster(ref.text())) {
                String arn = evaluator.clusterArn(ref.text());
                return new Scalar(arn, arn.contains("${"), call.span());
            }
            if (call.get("Fn::If") != null) {
                Node chosen = evaluator.branch(call.get("Fn::If"), call);
                return chosen instanceof Unresolved ? chosen : arn(evaluator, chosen);
            }
        }
        return evaluator.evaluate(item);
    }

    private static void collect(TemplateMapping mapping, Node value, List<Value<String>> out) {
        switch (value) {
            case null -> { }
            case Scalar scalar when scalar.text() != null -> out.add(deploymentDependent(mapping, scalar)
                    ? Value.unknown(scalar.text() + " (covers a DB instance or cluster of this template only if"
                            + " deployed to that region and account)")
                    : Value.known(scalar.text()));
            case Unresolved unresolved -> out.add(Value.unknown(unresolved.expression()));
            case ListNode list -> list.items().forEach(item -> collect(mapping, item, out));
            default -> out.add(Value.unknown(mapping.template().asWritten(value)));
        }
    }

    /**
     * Whether a literal ARN names the region or account of a DB instance or cluster of this template while those are not
     * given: {@code arn:aws:rds:us-east-1:123456789012:db:orders} covers the instance {@code orders} only if
     * the stack is deployed there, which the template does not say.
     */
    private static boolean deploymentDependent(TemplateMapping mapping, Scalar entry) {
        TemplateEvaluator evaluator = mapping.evaluator();
        String pattern = entry.text();
        String widened = evaluator.widenDeployment(pattern);
        if (entry.symbolic() || widened.equals(pattern)) {
            return false;
        }
        for (String arn : evaluator.rdsArns()) {
            if (!Wildcard.matches(pattern, arn) && Wildcard.matches(widened, arn)) {
                return true;
            }
        }
        return false;
    }

    private static List<TagCondition> listOfTags(TemplateMapping mapping, Node tags) throws UndecidedTagTest {
        List<TagCondition> out = new ArrayList<>();
        for (Node tag : items(mapping, tags)) {
            out.add(tagCondition(mapping, TemplateMapping.field(tag, "ConditionType"), tag));
        }
        return out;
    }

    private static List<TagCondition> conditions(TemplateMapping mapping, Node conditions) throws UndecidedTagTest {
        if (conditions == null) {
            return List.of();
        }
        if (!(conditions instanceof MapNode map)) {
            throw undecided(mapping, conditions);
        }
        List<TagCondition> out = new ArrayList<>();
        for (Field operator : map.fields().values()) {
            Scalar type = new Scalar(operator.key(), operator.value().span());
            for (Node test : items(mapping, operator.value())) {
                out.add(tagCondition(mapping, type, test));
            }
        }
        return out;
    }

    private static List<Node> items(TemplateMapping mapping, Node list) throws UndecidedTagTest {
        if (list == null) {
            return List.of();
        }
        if (list instanceof ListNode items) {
            return items.items();
        }
        throw undecided(mapping, list);
    }

    private static TagCondition tagCondition(TemplateMapping mapping, Node type, Node test) throws UndecidedTagTest {
        String operator = decided(mapping, type, "ConditionType", test);
        String key = decided(mapping, TemplateMapping.field(test, "ConditionKey"), "ConditionKey", test);
        String value = decided(mapping, TemplateMapping.field(test, "ConditionValue"), "ConditionValue", test);
        try {
            return new TagCondition(TagCondition.Operator.parse(operator),
                    key.startsWith(TAG_PREFIX) ? key.substring(TAG_PREFIX.length()) : key, value);
        } catch (IllegalArgumentException e) {
            throw new UndecidedTagTest(type.span().line(), e.getMessage());
        }
    }

    private static String decided(TemplateMapping mapping, Node value, String name, Node test)
            throws UndecidedTagTest {
        if (value instanceof Scalar scalar && scalar.text() != null && !scalar.symbolic()) {
            return scalar.text();
        }
        if (value == null) {
            throw new UndecidedTagTest(test.span().line(), name + " is missing in "
                    + mapping.template().asWritten(test));
        }
        throw undecided(mapping, value);
    }

    private static UndecidedTagTest undecided(TemplateMapping mapping, Node node) {
        String expression = node instanceof Unresolved u ? u.expression() : mapping.template().asWritten(node);
        return new UndecidedTagTest(node.span().line(), expression);
    }

    /** A tag test that cannot be decided before deployment. */
    private static final class UndecidedTagTest extends Exception {

        private final int line;

        UndecidedTagTest(int line, String expression) {
            super(expression, null, false, false);
            this.line = line;
        }
    }
}
