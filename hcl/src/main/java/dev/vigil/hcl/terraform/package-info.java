/**
 * Terraform semantics over the HCL layer: {@link dev.vigil.hcl.terraform.TerraformLoader} evaluates
 * a root module directory into {@link dev.vigil.hcl.terraform.ResourceInstance}s with Terraform's
 * addresses, positions, evaluated bodies and {@code vigil:skip} directives.
 *
 * <pre>{@code
 * TerraformConfiguration config = TerraformLoader.load(dir, TerraformOptions.defaults()
 *         .withVarFile(dir.resolve("prod.tfvars")).withVariable("env", "prod"));
 * for (ResourceInstance table : config.resourcesOfType("aws_dynamodb_table")) {
 *     Value pitr = table.body().block("point_in_time_recovery")
 *             .flatMap(b -> b.attribute("enabled")).orElse(BoolValue.FALSE);
 *     switch (pitr) {
 *         case BoolValue b -> record(table.address(), table.file(), table.line(), b.value());
 *         case Unknown u -> recordUnknown(table.address(), u.expression(), u.references());
 *         default -> recordInvalid(table.address(), pitr);
 *     }
 * }
 * config.diagnostics().forEach(d -> reportError(d.pos(), d.message()));
 * }</pre>
 */
package dev.vigil.hcl.terraform;
