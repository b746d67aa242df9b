/**
 * Candor's evidence-photo forensics. Only {@code dev.candor.forensics} is API; the other packages are
 * implementation and not exported.
 */
module dev.candor.forensics {
    requires java.desktop;
    requires java.xml;
    requires com.drew.metadata;
    // Not referenced in code: required so that its WebP ImageIO reader is resolved on the module path too.
    requires com.twelvemonkeys.imageio.webp;
    requires tools.jackson.core;
    requires tools.jackson.databind;
    requires tools.jackson.dataformat.cbor;
    requires org.bouncycastle.pkix;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.util;

    exports dev.candor.forensics;
}
