package dev.vigil.aws;

import dev.vigil.aws.EmulatorProxy.Request;
import dev.vigil.aws.EmulatorProxy.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.OutputKeys;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.PermissionGroup;
import software.amazon.awssdk.services.ec2.model.SnapshotAttributeName;

/**
 * moto's DescribeSnapshots ignores {@code RestorableByUserIds} (and {@code OwnerIds}): asked for the account's own
 * snapshots that the group {@code all} may restore, it lists every snapshot it has. This stub answers that one request
 * as AWS documents it: moto's answer to the same request without {@code RestorableBy.1=all} (same filters and paging),
 * less the snapshots of other owners and those whose createVolumePermission, as moto keeps it, lacks the group
 * {@code all}. Every other request goes to moto.
 */
final class PublicSnapshotsStub {

    private final URI moto;
    private final String account;
    private final HttpClient http = HttpClient.newHttpClient();

    PublicSnapshotsStub(URI moto, String account) {
        this.moto = moto;
        this.account = account;
    }

    static boolean isPublicListing(Request r) {
        return r.operation().equals("DescribeSnapshots") && "all".equals(r.form("RestorableBy.1"));
    }

    void install(EmulatorProxy proxy) {
        proxy.when(PublicSnapshotsStub::isPublicListing, this::answer);
    }

    private Response answer(Request request) {
        String body = Arrays.stream(request.body().split("&")).filter(p -> !p.equals(
                URLEncoder.encode("RestorableBy.1", StandardCharsets.UTF_8) + "=all")).collect(Collectors.joining("&"));
        try {
            HttpRequest.Builder forward = HttpRequest.newBuilder(moto.resolve("/"))
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                    .header("Authorization", request.header("Authorization"));
            String listed = http.send(forward.build(), HttpResponse.BodyHandlers.ofString()).body();
            return new Response(200, "text/xml", onlyPublic(listed, request.region()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private String onlyPublic(String xml, String region) {
        try (Ec2Client ec2 = Ec2Client.builder().endpointOverride(moto).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("t", "t"))).build()) {
            Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
            NodeList sets = doc.getElementsByTagName("snapshotSet");
            Element set = (Element) sets.item(0);
            for (Node item : children(set)) {
                String id = text((Element) item, "snapshotId");
                boolean open = account.equals(text((Element) item, "ownerId"))
                        && ec2.describeSnapshotAttribute(r -> r.snapshotId(id)
                                .attribute(SnapshotAttributeName.CREATE_VOLUME_PERMISSION)).createVolumePermissions()
                        .stream().anyMatch(p -> p.group() == PermissionGroup.ALL);
                if (!open) {
                    set.removeChild(item);
                }
            }
            var transformer = TransformerFactory.newInstance().newTransformer();
            transformer.setOutputProperty(OutputKeys.OMIT_XML_DECLARATION, "no");
            StringWriter out = new StringWriter();
            transformer.transform(new DOMSource(doc), new StreamResult(out));
            return out.toString();
        } catch (Exception e) {
            throw new IllegalStateException("cannot rewrite moto's DescribeSnapshots answer", e);
        }
    }

    private static List<Node> children(Element set) {
        NodeList nodes = set.getChildNodes();
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(nodes::item)
                .filter(n -> n.getNodeType() == Node.ELEMENT_NODE).toList();
    }

    private static String text(Element item, String tag) {
        return item.getElementsByTagName(tag).item(0).getTextContent();
    }
}
