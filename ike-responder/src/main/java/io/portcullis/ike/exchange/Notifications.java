package io.portcullis.ike.exchange;

import io.portcullis.ike.isakmp.Bytes;
import io.portcullis.ike.isakmp.ExchangeType;
import io.portcullis.ike.isakmp.IsakmpEncoder;
import io.portcullis.ike.isakmp.IsakmpHeader;
import io.portcullis.ike.isakmp.IsakmpMessage;
import io.portcullis.ike.isakmp.NotificationPayload;
import io.portcullis.ike.isakmp.NotifyType;
import io.portcullis.ike.isakmp.ProtocolId;

/**
 * Unprotected Informational notifies, the only kind possible before keys exist (RFC 2408 §4.8,
 * §5: NO-PROPOSAL-CHOSEN after message 1, INVALID-KEY-INFORMATION / PAYLOAD-MALFORMED after 3).
 */
final class Notifications {

    private Notifications() {
    }

    static NotificationPayload error(NotifyType type, IkeSaId sa) {
        return NotificationPayload.of(type, ProtocolId.ISAKMP, sa.asSpi(), Bytes.EMPTY);
    }

    static byte[] plaintext(NotifyType type, IkeSaId sa, int messageId) {
        IsakmpHeader header = IsakmpHeader.of(sa.initiatorCookie(), sa.responderCookie(), ExchangeType.INFORMATIONAL,
                0, messageId);
        return IsakmpEncoder.encode(IsakmpMessage.of(header, error(type, sa)));
    }
}
