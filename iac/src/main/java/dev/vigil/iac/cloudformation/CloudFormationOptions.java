package dev.vigil.iac.cloudformation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How templates are evaluated.
 *
 * @param parameters template parameter values by name; they override each parameter's {@code Default}
 * @param region     the value of {@code AWS::Region}, or null to keep it as the placeholder {@code ${AWS::Region}}
 * @param accountId  the value of {@code AWS::AccountId}, or null to keep the placeholder {@code ${AWS::AccountId}}
 */
public record CloudFormationOptions(Map<String, String> parameters, String region, String accountId) {

    public CloudFormationOptions {
        parameters = Map.copyOf(parameters);
    }

    /** No parameter values, region and account unknown. */
    public static CloudFormationOptions defaults() {
        return new CloudFormationOptions(Map.of(), null, null);
    }

    /** These options with {@code values} added; a value given here replaces one already set. */
    public CloudFormationOptions withParameters(Map<String, String> values) {
        Map<String, String> merged = new LinkedHashMap<>(parameters);
        merged.putAll(values);
        return new CloudFormationOptions(merged, region, accountId);
    }

    /**
     * These options with the values of a parameters file added under those already set, so that
     * {@code --param KEY=VALUE} wins over the file. See {@link ParametersFile} for the accepted formats.
     */
    public CloudFormationOptions withParametersFile(Path file) throws IOException {
        Map<String, String> merged = new LinkedHashMap<>(ParametersFile.read(file));
        merged.putAll(parameters);
        return new CloudFormationOptions(merged, region, accountId);
    }

    public CloudFormationOptions withRegion(String newRegion) {
        return new CloudFormationOptions(parameters, newRegion, accountId);
    }

    public CloudFormationOptions withAccountId(String newAccountId) {
        return new CloudFormationOptions(parameters, region, newAccountId);
    }
}
