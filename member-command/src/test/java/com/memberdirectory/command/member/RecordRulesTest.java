package com.memberdirectory.command.member;

import com.memberdirectory.kernel.member.MemberId;
import com.memberdirectory.kernel.problem.DomainRuleViolation;
import com.memberdirectory.kernel.problem.ErrorCode;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.zip.CRC32;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class RecordRulesTest {

    static void refused(Runnable action, ErrorCode code, String field) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.errors()).extracting(error -> error.field()).contains(field);
                });
    }

    @Nested
    class OptionalText {
        OptionalTextRule rule = new OptionalTextRule();

        @Test
        void blank_text_clears_the_field_and_text_is_trimmed() {
            assertThat(rule.check("city", "   ")).isNull();
            assertThat(rule.check("city", "  Shanghai ")).isEqualTo("Shanghai");
        }

        @Test
        void more_than_64_characters_are_refused_naming_the_field() {
            refused(() -> rule.check("alias", "x".repeat(65)), ErrorCode.INVALID_VALUE, "alias");
            assertThat(rule.check("alias", "x".repeat(64))).hasSize(64);
        }
    }

    @Nested
    class BusinessEmail {
        BusinessEmailRule rule = new BusinessEmailRule(List.of("corp.example", " Mail.Example "));

        @Test
        void an_address_in_a_configured_domain_is_accepted_whatever_the_case() {
            assertThat(rule.check("ann@CORP.example")).isEqualTo("ann@CORP.example");
            assertThat(rule.check("bo@mail.example")).isEqualTo("bo@mail.example");
        }

        @Test
        void an_address_in_another_domain_is_refused_and_the_message_names_the_allowed_ones() {
            assertThatThrownBy(() -> rule.check("ann@gmail.com"))
                    .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.DOMAIN_NOT_ALLOWED);
                        assertThat(e.getMessage()).contains("corp.example", "mail.example");
                    });
        }

        @Test
        void an_invalid_address_is_an_invalid_email() {
            refused(() -> rule.check("not an address"), ErrorCode.INVALID_EMAIL, "businessEmail");
        }

        @Test
        void without_configured_domains_no_business_email_is_accepted() {
            refused(() -> new BusinessEmailRule(List.of()).check("a@corp.example"), ErrorCode.DOMAIN_NOT_ALLOWED, "businessEmail");
        }
    }

    @Nested
    class CountryRegion {
        CountryRegionRule rule = new CountryRegionRule();

        @Test
        void iso_codes_are_accepted_in_any_case_and_stored_upper_case() {
            assertThat(rule.check("cn")).isEqualTo("CN");
            assertThat(rule.check("DE")).isEqualTo("DE");
        }

        @Test
        void unknown_codes_are_refused() {
            refused(() -> rule.check("XX"), ErrorCode.INVALID_VALUE, "countryRegion");
            refused(() -> rule.check("China"), ErrorCode.INVALID_VALUE, "countryRegion");
        }
    }

    @Nested
    class DirectManager {
        DirectManagerRule rule = new DirectManagerRule();
        MemberId ann = new MemberId("ann");
        MemberId bo = new MemberId("bo");
        MemberId cy = new MemberId("cy");

        @Test
        void a_member_cannot_manage_themselves() {
            refused(() -> rule.check(ann, ann, id -> true, id -> null), ErrorCode.SELF_MANAGER, "managerId");
        }

        @Test
        void the_manager_must_exist() {
            refused(() -> rule.check(ann, bo, id -> false, id -> null), ErrorCode.UNKNOWN_MEMBER, "managerId");
        }

        @Test
        void a_manager_who_reports_to_the_member_through_others_would_close_a_cycle() {
            Map<MemberId, MemberId> managers = Map.of(cy, bo, bo, ann);
            refused(() -> rule.check(ann, cy, id -> true, managers::get), ErrorCode.MANAGER_CYCLE, "managerId");
        }

        @Test
        void a_chain_that_does_not_lead_back_is_fine_even_if_it_loops_elsewhere() {
            Map<MemberId, MemberId> managers = Map.of(bo, cy, cy, bo);
            rule.check(ann, bo, id -> true, managers::get);
        }
    }

    @Nested
    class DottedLineManagers {
        DottedLineManagersRule rule = new DottedLineManagersRule();
        MemberId ann = new MemberId("ann");

        @Test
        void duplicates_are_dropped_keeping_the_order() {
            assertThat(rule.check(ann, List.of(new MemberId("b"), new MemberId("c"), new MemberId("b")), id -> true))
                    .containsExactly(new MemberId("b"), new MemberId("c"));
        }

        @Test
        void at_most_ten_distinct_managers() {
            List<MemberId> eleven = IntStream.range(0, 11).mapToObj(i -> new MemberId("m" + i)).toList();
            refused(() -> rule.check(ann, eleven, id -> true), ErrorCode.INVALID_VALUE, "dottedLineManagerIds");
            assertThat(rule.check(ann, eleven.subList(0, 10), id -> true)).hasSize(10);
        }

        @Test
        void not_the_member_and_only_existing_members() {
            refused(() -> rule.check(ann, List.of(ann), id -> true), ErrorCode.SELF_MANAGER, "dottedLineManagerIds");
            refused(() -> rule.check(ann, List.of(new MemberId("ghost")), id -> false), ErrorCode.UNKNOWN_MEMBER,
                    "dottedLineManagerIds");
        }
    }

    @Nested
    class Password {
        PasswordRule rule = new PasswordRule();

        @Test
        void eight_characters_with_letters_and_digits_are_enough() {
            rule.check("abcdefg1");
        }

        @Test
        void short_or_letters_only_or_digits_only_passwords_are_weak() {
            refused(() -> rule.check("abc1"), ErrorCode.WEAK_PASSWORD, "password");
            refused(() -> rule.check("abcdefgh"), ErrorCode.WEAK_PASSWORD, "password");
            refused(() -> rule.check("12345678"), ErrorCode.WEAK_PASSWORD, "password");
        }

        @Test
        void generated_passwords_pass_the_rule_and_differ() {
            String first = rule.generate();
            rule.check(first);
            assertThat(first).hasSize(16).isNotEqualTo(rule.generate());
        }
    }

    @Nested
    class Photo {
        PhotoRule rule = new PhotoRule();

        @Test
        void a_real_png_and_a_real_jpeg_are_accepted() throws IOException {
            rule.check(image("png"), "image/png");
            rule.check(image("jpeg"), "image/jpeg");
        }

        @Test
        void bytes_that_do_not_decode_are_refused() {
            refused(() -> rule.check("not an image".getBytes(), "image/png"), ErrorCode.INVALID_VALUE, "photo");
        }

        @Test
        void a_png_sent_as_jpeg_is_refused() throws IOException {
            byte[] png = image("png");
            refused(() -> rule.check(png, "image/jpeg"), ErrorCode.INVALID_VALUE, "photo");
        }

        @Test
        void other_types_and_files_over_five_mebibytes_are_refused() throws IOException {
            byte[] png = image("png");
            refused(() -> rule.check(png, "image/gif"), ErrorCode.INVALID_VALUE, "photo");
            refused(() -> rule.check(new byte[PhotoRule.MAX_BYTES + 1], "image/png"), ErrorCode.INVALID_VALUE, "photo");
        }

        @Test
        void a_jpeg_sent_as_png_is_refused() throws IOException {
            byte[] jpeg = image("jpeg");
            refused(() -> rule.check(jpeg, "image/png"), ErrorCode.INVALID_VALUE, "photo");
        }

        @Test
        void a_png_whose_pixels_are_cut_off_is_refused_though_its_header_is_fine() throws IOException {
            byte[] png = image("png", 64, 64, BufferedImage.TYPE_INT_RGB);
            byte[] cut = java.util.Arrays.copyOf(png, 60);
            refused(() -> rule.check(cut, "image/png"), ErrorCode.INVALID_VALUE, "photo");
        }

        @Test
        void images_up_to_4096_pixels_a_side_are_accepted_and_larger_ones_refused() throws IOException {
            rule.check(image("png", PhotoRule.MAX_SIDE, 1, BufferedImage.TYPE_BYTE_GRAY), "image/png");
            rule.check(image("png", 1, PhotoRule.MAX_SIDE, BufferedImage.TYPE_BYTE_GRAY), "image/png");
            byte[] wide = image("png", PhotoRule.MAX_SIDE + 1, 1, BufferedImage.TYPE_BYTE_GRAY);
            byte[] tall = image("jpeg", 1, PhotoRule.MAX_SIDE + 1, BufferedImage.TYPE_BYTE_GRAY);
            refused(() -> rule.check(wide, "image/png"), ErrorCode.INVALID_VALUE, "photo");
            refused(() -> rule.check(tall, "image/jpeg"), ErrorCode.INVALID_VALUE, "photo");
        }

        @Test
        void a_tiny_png_declaring_30000_by_30000_pixels_is_refused_at_once_without_being_decoded() throws IOException {
            byte[] bomb = pngDeclaring(30_000, 30_000);
            assertThat(bomb.length).isLessThan(200);
            refusedQuicklyAndCheaply(bomb, "image/png");
        }

        @Test
        void a_tiny_jpeg_declaring_30000_by_30000_pixels_is_refused_at_once_without_being_decoded() throws IOException {
            refusedQuicklyAndCheaply(jpegDeclaring(30_000, 30_000), "image/jpeg");
        }

        @Test
        void an_image_at_the_limit_is_decoded_in_a_few_megabytes() throws IOException {
            byte[] large = image("png", PhotoRule.MAX_SIDE, PhotoRule.MAX_SIDE, BufferedImage.TYPE_3BYTE_BGR);
            rule.check(image("png"), "image/png"); // ImageIO's first use loads its plug-ins: not the rule's cost
            // Decoded whole, 4096 × 4096 RGB pixels take 48 MiB.
            assertThat(allocatedBy(() -> rule.check(large, "image/png"))).isLessThan(24L * 1024 * 1024);
        }

        private void refusedQuicklyAndCheaply(byte[] bomb, String type) throws IOException {
            rule.check(image(type.substring("image/".length())), type); // warms ImageIO up: not the rule's cost
            // Decoding it took 4 seconds and gigabytes: a refusal from the header takes milliseconds and kilobytes.
            long allocated = assertTimeoutPreemptively(Duration.ofMillis(500), () -> allocatedBy(() ->
                    assertThatThrownBy(() -> rule.check(bomb, type))
                            .isInstanceOfSatisfying(DomainRuleViolation.class, e -> {
                                assertThat(e.code()).isEqualTo(ErrorCode.INVALID_VALUE);
                                assertThat(e.getMessage()).contains("30000 × 30000").contains("4096 × 4096");
                            })));
            assertThat(allocated).isLessThan(16L * 1024 * 1024);
        }

        private static long allocatedBy(Runnable action) {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long before = threads.getCurrentThreadAllocatedBytes();
            action.run();
            return threads.getCurrentThreadAllocatedBytes() - before;
        }

        /** A 1 × 1 PNG whose header claims {@code width × height} (with a valid CRC, so only the size is wrong). */
        private static byte[] pngDeclaring(int width, int height) throws IOException {
            byte[] png = image("png", 1, 1, BufferedImage.TYPE_INT_RGB);
            // 8 bytes of signature, then the IHDR chunk: length (4), type (4), width (4), height (4), 5 more bytes, CRC
            ByteBuffer bytes = ByteBuffer.wrap(png);
            bytes.putInt(16, width).putInt(20, height);
            CRC32 crc = new CRC32();
            crc.update(png, 12, 4 + 13);
            bytes.putInt(29, (int) crc.getValue());
            return png;
        }

        /** A 1 × 1 JPEG whose frame header (SOF0) claims {@code width × height}. */
        private static byte[] jpegDeclaring(int width, int height) throws IOException {
            byte[] jpeg = image("jpeg", 1, 1, BufferedImage.TYPE_INT_RGB);
            ByteBuffer bytes = ByteBuffer.wrap(jpeg);
            int at = 2; // after SOI, every marker segment is FF xx, then its length (which counts itself)
            while ((jpeg[at + 1] & 0xff) != 0xc0) {
                at += 2 + (bytes.getShort(at + 2) & 0xffff);
            }
            // SOF0: marker (2), length (2), precision (1), height (2), width (2)
            bytes.putShort(at + 5, (short) height).putShort(at + 7, (short) width);
            return jpeg;
        }

        private static byte[] image(String format) throws IOException {
            return image(format, 8, 8, BufferedImage.TYPE_INT_RGB);
        }

        private static byte[] image(String format, int width, int height, int type) throws IOException {
            BufferedImage image = new BufferedImage(width, height, type);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ImageIO.write(image, format, out);
            return out.toByteArray();
        }
    }
}
