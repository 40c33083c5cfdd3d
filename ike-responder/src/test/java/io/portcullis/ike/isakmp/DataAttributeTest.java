package io.portcullis.ike.isakmp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DataAttributeTest {

    @Test
    void lifetimeAbove64KiBIsEncodedVariableLength() {
        DataAttribute lifetime = DataAttribute.of(Phase1AttributeType.LIFE_DURATION, 65536);

        assertThat(lifetime.format()).isEqualTo(AttributeFormat.VARIABLE);
        assertThat(encode(lifetime)).isEqualTo(Bytes.fromHex("000c 0004 00010000"));
    }

    @Test
    void lifetimeBelow64KiBIsEncodedBasic() {
        DataAttribute lifetime = DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, 65535);

        assertThat(lifetime.format()).isEqualTo(AttributeFormat.BASIC);
        assertThat(encode(lifetime)).isEqualTo(Bytes.fromHex("8002 ffff"));
    }

    @Test
    void lifetimeBeyond32BitsIsEncodedInEightBytes() {
        assertThat(encode(DataAttribute.of(IpsecAttributeType.SA_LIFE_DURATION, 0x1_0000_0000L)))
                .isEqualTo(Bytes.fromHex("0002 0008 0000000100000000"));
    }

    @Test
    void smallValueReceivedInVariableFormKeepsItsForm() throws Exception {
        WireReader in = WireReader.over(Bytes.fromHex("000e 0002 0080").toByteArray(), 0, DecodeFailure.MALFORMED_ATTRIBUTE);

        DataAttribute keyLength = DataAttribute.readFrom(in);

        assertThat(keyLength.format()).isEqualTo(AttributeFormat.VARIABLE);
        assertThat(keyLength.longValue()).isEqualTo(128);
        assertThat(encode(keyLength)).isEqualTo(Bytes.fromHex("000e 0002 0080"));
    }

    @Test
    void valueTooLargeForLongIsAnArithmeticErrorNotAWrongNumber() {
        DataAttribute huge = DataAttribute.variable(12, Bytes.fromHex("ffffffffffffffffff"));

        assertThat(huge.unsignedValue().bitLength()).isEqualTo(72);
        assertThatThrownBy(huge::longValue).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void attributeLengthBeyondItsTransformIsATypedError() {
        WireReader in = WireReader.over(Bytes.fromHex("000c 0008 0001").toByteArray(), 0, DecodeFailure.MALFORMED_ATTRIBUTE);

        assertThatThrownBy(() -> DataAttribute.readFrom(in)).isInstanceOfSatisfying(IsakmpDecodeException.class,
                e -> assertThat(e.reason()).isEqualTo(DecodeFailure.MALFORMED_ATTRIBUTE));
    }

    @Test
    void typedViewsNameTheAttributeByProtocol() {
        DataAttribute attribute = DataAttribute.basic(4, 3);

        assertThat(attribute.phase1Type()).isEqualTo(Phase1AttributeType.GROUP_DESCRIPTION);
        assertThat(attribute.ipsecType()).isEqualTo(IpsecAttributeType.ENCAPSULATION_MODE);
    }

    private static Bytes encode(DataAttribute attribute) {
        WireWriter out = new WireWriter();
        attribute.writeTo(out);
        return Bytes.of(out.toByteArray());
    }
}
