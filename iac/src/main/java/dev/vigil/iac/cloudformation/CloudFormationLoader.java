package dev.vigil.iac.cloudformation;

import dev.vigil.core.model.BackupSelection;
import dev.vigil.core.model.DynamoDbTable;
import dev.vigil.core.model.Fault;
import dev.vigil.core.model.Inventory;
import dev.vigil.core.model.Origin;
import dev.vigil.core.model.RdsInstance;
import dev.vigil.core.model.Resource;
import dev.vigil.hcl.SourceText;
import dev.vigil.iac.MappedResources;
import dev.vigil.iac.SourceFiles;
import dev.vigil.iac.Suppressions;
import dev.vigil.iac.mapping.KindMapping;
import dev.vigil.iac.mapping.KindMappings;
import dev.vigil.iac.cloudformation.Node.Field;
import dev.vigil.iac.cloudformation.Node.MapNode;
import dev.vigil.iac.cloudformation.Node.Scalar;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Loads CloudFormation templates (JSON, and YAML with short-form tags) into the source-neutral model.
 * <pre>{@code
 * CloudFormationLoader loader = new CloudFormationLoader(CloudFormationOptions.defaults()
 *         .withParameters(Map.of("Env", "prod")).withParametersFile(Path.of("params.json")));
 * CloudFormationScan scan = loader.load(List.of(Path.of("infra")));
 * scan.inventory().all(DynamoDbTable.class);   // rules run on scan.inventory() unchanged
 * }</pre>
 * Files are {@code .json}, {@code .yaml}, {@code .yml} and {@code .template}; a file is a template when its top
 * level is a mapping with {@code AWSTemplateFormatVersion} or {@code Resources} of {@code AWS::} types. Other
 * files, and files that do not parse and do not look like templates, are skipped silently; a file that looks
 * like a template (it mentions {@code AWSTemplateFormatVersion} or an {@code AWS::X::Y} type) but does not parse,
 * is over 8 MiB, or cannot be read (a link out of the boundary) becomes a {@link Fault} with its line and cause.
 * Files are read through {@link SourceText}: inside the boundary, size checked first. Nothing else escapes: loading
 * never throws for any file content (a defect of the loader itself would become a {@code cloudformation:load}
 * fault). Resources are origin {@code Template(file, line of the logical ID, module = file)}. Thread-safe;
 * files are loaded in parallel and reported in path order.
 */
public final class CloudFormationLoader {

    /** The file extensions searched for templates. */
    public static final Set<String> EXTENSIONS = Set.of("json", "yaml", "yml", "template");
    private static final long MAX_BYTES = 8L * 1024 * 1024;
    /** How much of an over-size file is read to tell whether it is a template. */
    private static final int HEAD_BYTES = 64 * 1024;
    private static final Pattern LOOKS_LIKE_TEMPLATE =
            Pattern.compile("AWSTemplateFormatVersion|AWS::[A-Za-z0-9]+::[A-Za-z0-9]+");
    private static final Set<Class<? extends Resource>> KINDS = kinds();
    private static final Map<String, ResourceMapper> MAPPERS = Map.of(
            "AWS::DynamoDB::Table", new DynamoDbTableMapper(null),
            "AWS::DynamoDB::GlobalTable", new GlobalTableMapper(),
            TemplateEvaluator.DB_INSTANCE, new RdsInstanceMapper(),
            "AWS::Backup::BackupSelection", new BackupSelectionMapper(),
            "AWS::Serverless::SimpleTable", new DynamoDbTableMapper(DynamoDbTableMapper.SIMPLE_TABLE_FIX));

    private final CloudFormationOptions options;
    private final YamlTemplateReader yaml = new YamlTemplateReader();
    private final JsonTemplateReader json = new JsonTemplateReader();

    public CloudFormationLoader(CloudFormationOptions options) {
        this.options = options;
    }

    /** Loads every template found under {@code paths} (files, or directories searched recursively). */
    public CloudFormationScan load(Collection<Path> paths) {
        return load(paths, null);
    }

    /**
     * Loads every template found under {@code paths}, reading nothing outside {@code root} (null: each path's
     * repository, see {@link SourceFiles#boundary}).
     */
    public CloudFormationScan load(Collection<Path> paths, Path root) {
        SourceFiles.Found found = SourceFiles.find(paths, EXTENSIONS, root).onePerFile();
        List<FileResult> results = found.files().parallelStream().map(this::loadFile).toList();
        Inventory inventory = new Inventory();
        for (SourceFiles.Problem problem : found.errors()) {
            inventory.fault(fault(problem.path().toString(), 0, "cloudformation:read", problem.message()));
        }
        return merge(inventory, results);
    }

    /** Loads one template from text; {@code file} names it in origins and faults. */
    public CloudFormationScan load(String file, String text) {
        return merge(new Inventory(), List.of(loadText(file, text)));
    }

    private static CloudFormationScan merge(Inventory inventory, List<FileResult> results) {
        List<String> templates = new ArrayList<>();
        Map<Suppressions.Key, Map<String, String>> suppressions = new LinkedHashMap<>();
        for (FileResult result : results) {
            if (result.template()) {
                templates.add(result.file());
            }
            result.resources().forEach(inventory::add);
            result.faults().forEach(inventory::fault);
            suppressions.putAll(result.suppressions());
        }
        return new CloudFormationScan(inventory, templates, new Suppressions(suppressions));
    }

    private FileResult loadFile(SourceFiles.Source source) {
        String file = source.path().toString();
        try {
            return loadText(file, SourceText.read(source.path(), source.tree(), MAX_BYTES));
        } catch (SourceText.TooLarge e) {
            return looksLikeTemplate(source) ? FileResult.fault(file, fault(file, 0, "cloudformation:read",
                    e.getMessage())) : FileResult.skipped(file);
        } catch (IOException e) {
            return FileResult.fault(file, fault(file, 0, "cloudformation:read", "cannot be read: " + e.getMessage()));
        } catch (RuntimeException | StackOverflowError e) {
            // A defect of this loader, not of the file: one template must not end a scan of thousands.
            return FileResult.fault(file, fault(file, 0, "cloudformation:load", "internal error: " + e));
        }
    }

    /** Whether an over-size file starts like a template, so that skipping it would lose one. */
    private static boolean looksLikeTemplate(SourceFiles.Source source) {
        try {
            return LOOKS_LIKE_TEMPLATE.matcher(SourceText.head(source.path(), source.tree(), HEAD_BYTES)).find();
        } catch (IOException e) {
            return true;
        }
    }

    private FileResult loadText(String file, String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;   // a mark SourceText did not drop
        if (!LOOKS_LIKE_TEMPLATE.matcher(body).find()) {
            return FileResult.skipped(file);
        }
        String extension = SourceFiles.extension(file);
        boolean isYaml = !extension.equals("json")
                && !(extension.equals("template") && body.stripLeading().startsWith("{"));
        try {
            Optional<Node> root = isYaml ? yaml.read(body) : Optional.of(json.read(body));
            if (root.isEmpty() || !Template.isTemplate(root.get())) {
                return FileResult.skipped(file);
            }
            return map(new Template(file, body, (MapNode) root.get(), isYaml));
        } catch (TemplateSyntaxException e) {
            return FileResult.fault(file, fault(file, e.line(), "cloudformation:parse", e.problem()));
        } catch (StackOverflowError e) {
            // Readers bound nesting; this is the last guard for evaluation chains, and the stack unwinds here.
            return FileResult.fault(file, fault(file, 0, "cloudformation:evaluate", "template nested too deeply"));
        } catch (RuntimeException e) {
            // A defect of this loader, not of the file: one template must not end a scan of thousands.
            return FileResult.fault(file, fault(file, 0, "cloudformation:load", "internal error: " + e));
        }
    }

    private static Set<Class<? extends Resource>> kinds() {
        Set<Class<? extends Resource>> kinds = new java.util.HashSet<>(KindMappings.kinds());
        kinds.addAll(List.of(DynamoDbTable.class, RdsInstance.class, BackupSelection.class));
        return Set.copyOf(kinds);
    }

    private FileResult map(Template template) {
        TemplateMapping mapping = new TemplateMapping(template, options);
        SuppressionReader suppressions = new SuppressionReader(template);
        for (Field field : template.section("Resources").fields().values()) {
            if (!(field.value() instanceof MapNode resource && resource.get("Type") instanceof Scalar type
                    && type.text() != null && mapping.evaluator().present(resource))) {
                continue;
            }
            ResourceMapper mapper = MAPPERS.get(type.text());
            Optional<KindMapping> kind = KindMappings.cloudFormation(type.text());
            Node properties = resource.get("Properties");
            if ((mapper != null || kind.isPresent()) && properties != null && !(properties instanceof MapNode)) {
                // CloudFormation refuses the resource: an error, not a resource without properties
                mapping.fault(field.line(), mapper != null ? mapper.kind() : kind.get().kind(), "Properties of "
                        + field.key() + " is " + template.asWritten(properties) + ", not a mapping");
            } else if (mapper != null) {
                mapper.map(mapping, field.key(), field.line(), resource,
                        suppressions.read(mapping.evaluator(), field.line(), resource));
            } else if (kind.isPresent()) {
                Map<String, String> suppressed = suppressions.read(mapping.evaluator(), field.line(), resource);
                kind.get().map().apply(new CloudFormationDeclaration(mapping, type.text(), field.key(), field.line(),
                        resource)).forEach(r -> mapping.add(r, suppressed));
            }
        }
        MappedResources mapped = mapping.mapped();
        return new FileResult(template.file(), true, mapped.resources(), mapped.faults(), mapped.suppressions());
    }

    /** A fault of a whole file ({@code line} 0) or at a line: {@code file:line: problem} or {@code file: problem}. */
    private static Fault fault(String file, int line, String operation, String problem) {
        String where = line > 0 ? file + ":" + line : file;
        return new Fault(new Origin.Template(file, line, file), KINDS, operation, where + ": " + problem);
    }

    /** What one file yielded. */
    private record FileResult(String file, boolean template, List<Resource> resources, List<Fault> faults,
                              Map<Suppressions.Key, Map<String, String>> suppressions) {

        static FileResult skipped(String file) {
            return new FileResult(file, false, List.of(), List.of(), Map.of());
        }

        static FileResult fault(String file, Fault fault) {
            return new FileResult(file, false, List.of(), List.of(fault), Map.of());
        }
    }
}
