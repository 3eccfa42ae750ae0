package app.carnival.intake;

import app.carnival.errors.MalformedRequest;
import app.carnival.intake.store.Mention;
import app.carnival.response.Response;
import app.carnival.xmlrpc.PingbackCall;
import app.carnival.xmlrpc.PingbackFault;
import app.carnival.xmlrpc.XmlRpcException;
import app.carnival.xmlrpc.XmlRpcResponses;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * The Pingback 1.0 receiver: {@code pingback.ping(source, target)} is checked like a Webmention, then
 * verified during the call, as the Pingback spec expects (guarded fetch, outside any transaction),
 * and answered with a success string or the spec's fault. A verified pingback becomes a response
 * the same way a Webmention does.
 */
@ApplicationScoped
public class Pingbacks {

    /** How long the call's own claim on its queue row lasts: longer than one fetch with its timeouts. */
    private static final Duration CLAIM = Duration.ofMinutes(2);

    private final Webmentions webmentions;
    private final Targets targets;
    private final SourceCheck check;
    private final MentionRecorder recorder;

    public Pingbacks(Webmentions webmentions, Targets targets, SourceCheck check, MentionRecorder recorder) {
        this.webmentions = webmentions;
        this.targets = targets;
        this.check = check;
        this.recorder = recorder;
    }

    /** The XML-RPC methodResponse for the call in {@code body}. Rate limits are thrown (429), like a Webmention's. */
    public String ping(byte[] body, String clientAddress) {
        PingbackCall call;
        try {
            call = PingbackCall.parse(body);
        } catch (XmlRpcException e) {
            return XmlRpcResponses.fault(e.faultCode(), e.getMessage());
        }
        Webmentions.Checked checked;
        try {
            checked = webmentions.check(call.sourceUri(), call.targetUri(), clientAddress);
        } catch (MalformedRequest e) {
            PingbackFault fault = !e.getMessage().startsWith("target")
                    ? PingbackFault.SOURCE_NOT_FOUND
                    : targets.isOwn(call.targetUri())
                            ? PingbackFault.TARGET_NOT_FOUND
                            : PingbackFault.TARGET_NOT_USABLE;
            return XmlRpcResponses.fault(fault.code(), e.getMessage());
        }
        if (alreadyRegistered(checked)) {
            return XmlRpcResponses.fault(
                    PingbackFault.ALREADY_REGISTERED.code(),
                    "The pingback from " + checked.source() + " is already registered.");
        }
        UUID id = webmentions.queued(checked, Mention.Channel.PINGBACK, "found by pingback", CLAIM);
        SourceVerdict verdict = check.check(checked.assignment().id, checked.source(), "found by pingback");
        MentionRecorder.Recorded recorded = recorder.record(id, Mention.Channel.PINGBACK, 0, verdict);
        if (verdict instanceof SourceVerdict.Verified) {
            return XmlRpcResponses.success("Pingback from " + checked.source() + " to " + checked.target()
                    + " registered: " + recorded.detail());
        }
        if (verdict instanceof SourceVerdict.Rejected rejected) {
            PingbackFault fault = rejected.why() == SourceVerdict.Why.SOURCE_MISSING
                    ? PingbackFault.SOURCE_NOT_FOUND
                    : rejected.why() == SourceVerdict.Why.NO_LINK ? PingbackFault.NO_LINK : PingbackFault.GENERIC;
            return XmlRpcResponses.fault(fault.code(), rejected.detail());
        }
        return XmlRpcResponses.fault(
                PingbackFault.SOURCE_NOT_FOUND.code(), recorded.detail() + "; Carnival will try again later");
    }

    /** Verified before, with a response that still stands: the spec's "already registered". */
    private boolean alreadyRegistered(Webmentions.Checked c) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Mention.<Mention>find(
                                "assignment.id = ?1 and sourceKey = ?2 and verification = ?3",
                                c.assignment().id,
                                c.sourceKey(),
                                Mention.Verification.VERIFIED)
                        .firstResultOptional()
                        .map(m -> m.responseId != null && Response.findById(m.responseId) != null)
                        .orElse(false));
    }
}
