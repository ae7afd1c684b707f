package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/**
 * A profile photo is a PNG or JPEG of at most 5 MiB and at most {@value #MAX_SIDE} × {@value #MAX_SIDE} pixels
 * that really decodes as an image of the type it is sent as.
 * <p>
 * The dimensions are read from the image's header before any pixel is decoded: a PNG of a hundred kilobytes can
 * declare 30,000 × 30,000 pixels, which takes seconds and gigabytes of memory to decode. The decoding that
 * follows still reads every pixel (only real images are kept) but keeps at most about
 * {@value #KEPT_SIDE} × {@value #KEPT_SIDE} of them, so an image at the limit costs a few megabytes, not 64.
 */
public final class PhotoRule {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_SIDE = 4096;
    private static final int KEPT_SIDE = 1024;
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

    /** The media type without parameters, in lower case ({@code "image/png; x=y"} is {@code "image/png"}). */
    public static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
    }

    public void check(byte[] content, String contentType) {
        String type = mediaType(contentType);
        if (!TYPES.contains(type)) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "photo", "A profile photo is a PNG or JPEG image.");
        }
        if (content == null || content.length == 0) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "photo", "The photo is empty.");
        }
        if (content.length > MAX_BYTES) {
            throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "photo", "A profile photo has at most 5 MiB.");
        }
        String expectedFormat = type.equals("image/png") ? "png" : "jpeg";
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(content))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw notAnImage();
            }
            ImageReader reader = readers.next();
            try {
                if (!reader.getFormatName().toLowerCase(Locale.ROOT).equals(expectedFormat)) {
                    throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "photo",
                            "The file is a " + reader.getFormatName() + " image, not " + type + ".");
                }
                reader.setInput(input);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width <= 0 || height <= 0) {
                    throw notAnImage();
                }
                if (width > MAX_SIDE || height > MAX_SIDE) {
                    throw new DomainRuleViolation(ErrorCode.INVALID_VALUE, "photo", "The photo is " + width + " × "
                            + height + " pixels; a profile photo has at most " + MAX_SIDE + " × " + MAX_SIDE
                            + " pixels. Scale it down and upload it again.");
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, (Math.max(width, height) + KEPT_SIDE - 1) / KEPT_SIDE);
                param.setSourceSubsampling(step, step, 0, 0);
                reader.read(0, param);
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DomainRuleViolation violation) {
                throw violation;
            }
            throw notAnImage();
        }
    }

    private static DomainRuleViolation notAnImage() {
        return new DomainRuleViolation(ErrorCode.INVALID_VALUE, "photo", "The file cannot be read as an image.");
    }
}
