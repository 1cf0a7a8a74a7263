package dev.vigil.hcl.terraform;

import dev.vigil.hcl.Attribute;
import dev.vigil.hcl.Block;
import dev.vigil.hcl.EvalContext;
import dev.vigil.hcl.Expr;
import dev.vigil.hcl.ListValue;
import dev.vigil.hcl.ObjectValue;
import dev.vigil.hcl.Range;
import dev.vigil.hcl.Reference;
import dev.vigil.hcl.SourcePos;
import dev.vigil.hcl.StringValue;
import dev.vigil.hcl.Unknown;
import dev.vigil.hcl.Value;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates one module instance: variables, then locals and module calls in dependency order
 * (cycles become unknowns), then resources and outputs.
 */
final class ModuleEvaluator {
    private static final Set<String> MODULE_META = Set.of("source", "version", "count", "for_each", "providers",
            "depends_on");

    private final ScanRun run;
    private final ModuleSource source;
    private final Map<String, Value> inputs;
    private final String address;
    private final List<Path> ancestry;
    private final Unknown inheritedBlocker;

    private final Map<String, Attribute> locals = new LinkedHashMap<>();
    private final Map<String, Block> moduleCalls = new LinkedHashMap<>();
    private final Map<String, Value> localValues = new HashMap<>();
    private final Map<String, Value> moduleValues = new HashMap<>();
    private final Map<String, Integer> visitState = new HashMap<>();
    private final Deque<String> visiting = new ArrayDeque<>();
    private final Map<String, String> cycles = new HashMap<>();
    private final List<ResourceInstance> resources = new ArrayList<>();
    private final List<ResourceInstance> nestedResources = new ArrayList<>();
    private final Map<String, Block> resourceBlocks = new HashMap<>();
    private final Set<String> expanding = new HashSet<>();
    /** Instance keys once locals and module calls are all evaluated, when they can no longer change. */
    private final Map<String, Optional<TerraformResolver.Keys>> settledKeys = new HashMap<>();
    private boolean settled;
    private EvalContext base;

    /**
     * @param address          this module instance's address, {@code ""} for the root
     * @param ancestry         real directories of this module and the modules that called it, root first
     * @param inheritedBlocker set when an enclosing module call could not be expanded
     */
    ModuleEvaluator(ScanRun run, ModuleSource source, Map<String, Value> inputs, String address, List<Path> ancestry,
                    Unknown inheritedBlocker) {
        this.run = run;
        this.source = source;
        this.inputs = inputs;
        this.address = address;
        this.ancestry = List.copyOf(ancestry);
        this.inheritedBlocker = inheritedBlocker;
    }

    /** Evaluates the module and returns its outputs. */
    ObjectValue evaluate() {
        for (ModuleSource.FileBlock fb : source.blocks("resource")) {
            if (fb.block().labels().size() == 2) {
                resourceBlocks.putIfAbsent(String.join(".", fb.block().labels()), fb.block());
            }
        }
        base = EvalContext.empty().withBudget(run.budget)
                .withResolver(new TerraformResolver(address, moduleValues, this::instanceKeys))
                .withVariable("var", new ObjectValue(variables()))
                .withVariable("path", new ObjectValue(Map.of("module", new StringValue(modulePath()),
                        "root", new StringValue("."), "cwd", new StringValue("."))))
                .withVariable("terraform", new ObjectValue(Map.of("workspace", new StringValue("default"))));
        for (ModuleSource.FileBlock fb : source.blocks("locals")) {
            fb.block().body().attributes().values().forEach(a -> locals.putIfAbsent(a.name(), a));
        }
        for (ModuleSource.FileBlock fb : source.blocks("module")) {
            if (!fb.block().labels().isEmpty()) {
                moduleCalls.putIfAbsent(fb.block().labels().getFirst(), fb.block());
            }
        }
        locals.keySet().forEach(name -> visit("local." + name));
        moduleCalls.keySet().forEach(name -> visit("module." + name));
        settled = true;
        EvalContext context = current();
        for (ModuleSource.FileBlock fb : source.blocks("resource")) {
            resource(fb, context);
        }
        Map<String, Value> outputs = new LinkedHashMap<>();
        for (ModuleSource.FileBlock fb : source.blocks("output")) {
            Block b = fb.block();
            if (!b.labels().isEmpty()) {
                b.body().attribute("value").ifPresent(a -> outputs.put(b.labels().getFirst(),
                        context.evaluate(a.expr())));
            }
        }
        return new ObjectValue(outputs);
    }

    /** This module's resources followed by those of its child modules. */
    List<ResourceInstance> resources() {
        List<ResourceInstance> all = new ArrayList<>(resources);
        all.addAll(nestedResources);
        return all;
    }

    /** {@code path.module}: this module's directory relative to the root module's, {@code .} for the root. */
    private String modulePath() {
        String relative = run.rootModule.relativize(source.dir()).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }

    private EvalContext current() {
        return base.withVariable("local", new ObjectValue(localValues));
    }

    private Map<String, Value> variables() {
        Map<String, Value> vars = new LinkedHashMap<>();
        EvalContext constant = EvalContext.empty().withBudget(run.budget);
        for (ModuleSource.FileBlock fb : source.blocks("variable")) {
            Block b = fb.block();
            if (b.labels().isEmpty()) {
                continue;
            }
            String name = b.labels().getFirst();
            Value v;
            if (inputs.containsKey(name)) {
                v = inputs.get(name);
            } else if (b.body().attribute("default").isPresent()) {
                v = constant.evaluate(b.body().attribute("default").get().expr());
            } else {
                v = new Unknown(new Range(b.pos(), "var." + name), "variable " + name
                        + " has no value: no default, and not set by tfvars, -var or the module call");
            }
            vars.put(name, TypeConstraints.convert(v, b.body().attribute("type").map(Attribute::expr).orElse(null)));
        }
        return vars;
    }

    // ---- locals and module calls, in dependency order ----

    private void visit(String node) {
        Integer state = visitState.get(node);
        if (state != null) {
            if (state == 1) {
                markCycle(node);
            }
            return;
        }
        visitState.put(node, 1);
        visiting.push(node);
        for (String dependency : dependencies(node)) {
            visit(dependency);
        }
        visiting.pop();
        visitState.put(node, 2);
        String cycle = cycles.get(node);
        boolean isLocal = node.startsWith("local.");
        String name = node.substring(node.indexOf('.') + 1);
        if (cycle != null) {
            Range at = isLocal ? locals.get(name).expr().range() : new Range(moduleCalls.get(name).pos(), node);
            Unknown u = new Unknown(at, node + " is part of a dependency cycle: " + cycle);
            (isLocal ? localValues : moduleValues).put(name, u);
        } else if (isLocal) {
            localValues.put(name, current().evaluate(locals.get(name).expr()));
        } else {
            Value v = callModule(moduleCalls.get(name));
            if (v != null) {
                moduleValues.put(name, v);
            }
        }
    }

    private void markCycle(String node) {
        List<String> path = new ArrayList<>();
        for (String n : visiting) {
            path.addFirst(n);
            if (n.equals(node)) {
                break;
            }
        }
        path.add(node);
        String text = String.join(" -> ", path);
        path.forEach(n -> cycles.putIfAbsent(n, text));
    }

    private Set<String> dependencies(String node) {
        String name = node.substring(node.indexOf('.') + 1);
        List<Expr> roots = new ArrayList<>();
        if (node.startsWith("local.")) {
            roots.add(locals.get(name).expr());
        } else {
            moduleCalls.get(name).body().attributes().values().forEach(a -> roots.add(a.expr()));
        }
        Set<String> out = new LinkedHashSet<>();
        roots.forEach(e -> collectReferences(e, out));
        return out;
    }

    private void collectReferences(Expr e, Set<String> out) {
        if (e instanceof Expr.GetAttr g && g.source() instanceof Expr.Variable v) {
            if (v.name().equals("local") && locals.containsKey(g.name())) {
                out.add("local." + g.name());
            } else if (v.name().equals("module") && moduleCalls.containsKey(g.name())) {
                out.add("module." + g.name());
            }
        }
        for (Expr child : e.children()) {
            collectReferences(child, out);
        }
    }

    // ---- modules ----

    /** Evaluates a module call; returns its value, or null when it was not scanned (references then stay unknown). */
    private Value callModule(Block call) {
        String name = call.labels().getFirst();
        String callAddress = (address.isEmpty() ? "" : address + ".") + "module." + name;
        Value sourceValue = call.body().attribute("source")
                .map(a -> EvalContext.empty().withBudget(run.budget).evaluate(a.expr())).orElse(null);
        if (!(sourceValue instanceof StringValue s)) {
            diagnose(TerraformDiagnostic.Kind.MODULE_NOT_FOUND, callAddress + ": source must be a literal string",
                    call.pos());
            return null;
        }
        String src = s.value();
        if (!(src.startsWith("./") || src.startsWith("../"))) {
            diagnose(TerraformDiagnostic.Kind.REMOTE_MODULE_NOT_SCANNED,
                    callAddress + ": remote module not scanned (source \"" + src + "\")", call.pos());
            return null;
        }
        Path dir = source.dir().resolve(src).normalize();
        Path real;
        try {
            real = Files.isDirectory(dir) ? dir.toRealPath() : null;
        } catch (IOException e) {
            real = null;
        }
        if (real == null) {
            diagnose(TerraformDiagnostic.Kind.MODULE_NOT_FOUND, callAddress + ": module directory \"" + src
                    + "\" not found", call.pos());
            return null;
        }
        if (!real.startsWith(run.root)) {
            diagnose(TerraformDiagnostic.Kind.MODULE_OUTSIDE_SCANNED_TREE,
                    callAddress + ": module source \"" + src + "\" is outside the scanned tree; not scanned",
                            call.pos());
            return null;
        }
        if (ancestry.contains(real)) {
            diagnose(TerraformDiagnostic.Kind.MODULE_CYCLE,
                    callAddress + ": module source \"" + src
                            + "\" calls itself (directly or through other modules); not scanned", call.pos());
            return null;
        }
        if (ancestry.size() >= ScanRun.MAX_MODULE_DEPTH) {
            diagnose(TerraformDiagnostic.Kind.MODULE_TOO_DEEP,
                    callAddress + ": modules nested deeper than " + ScanRun.MAX_MODULE_DEPTH + "; not scanned",
                            call.pos());
            return null;
        }
        ModuleSource child = run.module(real);
        List<Expansion.Instance> instances = Expansion.expand(call.body(), current(), run.diagnostics);
        List<Value> byIndex = new ArrayList<>();
        Map<String, Value> byKey = new LinkedHashMap<>();
        for (Expansion.Instance instance : instances) {
            Map<String, Value> childInputs = new LinkedHashMap<>();
            for (Attribute a : call.body().attributes().values()) {
                if (!MODULE_META.contains(a.name())) {
                    childInputs.put(a.name(), instance.context().evaluate(a.expr()));
                }
            }
            String instanceAddress = callAddress + (instance.key() == null ? "" : Reference.formatKey(instance.key()));
            Unknown blocker = instance.blocker() != null ? instance.blocker() : inheritedBlocker;
            if (!run.admitModuleInstance()) {
                diagnose(TerraformDiagnostic.Kind.MODULE_LIMIT,
                        instanceAddress + ": more than " + ScanRun.MAX_MODULE_INSTANCES
                                + " module instances in one scan; not scanned", call.pos());
                return null;
            }
            List<Path> childAncestry = new ArrayList<>(ancestry);
            childAncestry.add(real);
            ModuleEvaluator childEvaluator = new ModuleEvaluator(run, child, childInputs, instanceAddress,
                    childAncestry, blocker);
            ObjectValue outputs = childEvaluator.evaluate();
            nestedResources.addAll(childEvaluator.resources());
            if (instance.key() instanceof StringValue key) {
                byKey.put(key.value(), outputs);
            } else {
                byIndex.add(outputs);
            }
        }
        if (instances.size() == 1 && instances.getFirst().blocker() != null) {
            return instances.getFirst().blocker();
        }
        if (call.body().attribute("count").isPresent()) {
            return new ListValue(byIndex);
        }
        if (call.body().attribute("for_each").isPresent()) {
            return new ObjectValue(byKey);
        }
        return byIndex.getFirst();
    }

    private void diagnose(TerraformDiagnostic.Kind kind, String message, SourcePos pos) {
        run.diagnostics.add(new TerraformDiagnostic(kind, message, pos));
    }

    // ---- resources ----

    /**
     * The instance keys of resource {@code TYPE.NAME} of this module when it has a known {@code count} or
     * {@code for_each}, evaluated with what is known now; null when it has neither, is not declared, or its
     * expansion is unknown (or refers to itself).
     */
    private TerraformResolver.Keys instanceKeys(String typeName) {
        Optional<TerraformResolver.Keys> known = settledKeys.get(typeName);
        if (known != null) {
            return known.orElse(null);
        }
        TerraformResolver.Keys keys = expand(typeName);
        if (settled && !expanding.contains(typeName)) {
            settledKeys.put(typeName, Optional.ofNullable(keys));
        }
        return keys;
    }

    private TerraformResolver.Keys expand(String typeName) {
        Block block = resourceBlocks.get(typeName);
        if (block == null || !expanding.add(typeName)) {
            return null;
        }
        try {
            boolean counted = block.body().attribute("count").isPresent();
            if (!counted && block.body().attribute("for_each").isEmpty()) {
                return null;
            }
            List<Expansion.Instance> instances = Expansion.expand(block.body(), current(), new ArrayList<>());
            if (instances.stream().anyMatch(i -> i.blocker() != null)) {
                return null;
            }
            return new TerraformResolver.Keys(counted, instances.stream().map(Expansion.Instance::key).toList());
        } finally {
            expanding.remove(typeName);
        }
    }

    private void resource(ModuleSource.FileBlock fb, EvalContext context) {
        Block block = fb.block();
        if (block.labels().size() != 2) {
            return;
        }
        String type = block.labels().get(0);
        String name = block.labels().get(1);
        List<SkipDirective> skips = source.skipsFor(fb.file(), block.pos().line());
        for (Expansion.Instance instance : Expansion.expand(block.body(), context, run.diagnostics)) {
            String instanceAddress = (address.isEmpty() ? "" : address + ".") + type + "." + name
                    + (instance.key() == null ? "" : Reference.formatKey(instance.key()));
            EvaluatedBlock body = BodyEvaluator.evaluate(block, instance.context(), BodyEvaluator.META_ARGUMENTS);
            Unknown blocker = instance.blocker() != null ? instance.blocker() : inheritedBlocker;
            resources.add(new ResourceInstance(instanceAddress, address, type, name, instance.key(), fb.file().file(),
                    block.pos().line(), body, skips, blocker));
        }
    }
}
