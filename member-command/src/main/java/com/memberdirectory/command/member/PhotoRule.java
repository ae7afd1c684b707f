package com.memberdirectory.command.member;

import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;

/** A profile photo is a PNG or JPEG of at most 5 MiB that really decodes as an image of that type. */
public final class PhotoRule {

    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final Set<String> TYPES = Set.of("image/png", "image/jpeg");

    public void check(byte[] content, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).split(";")[0].strip();
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
                reader.read(0);
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
