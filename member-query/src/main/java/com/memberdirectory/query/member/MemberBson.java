package com.memberdirectory.query.member;

import com.mongodb.MongoClientSettings;
import org.bson.BsonBinaryReader;
import org.bson.BsonBinaryWriter;
import org.bson.Document;
import org.bson.codecs.Codec;
import org.bson.codecs.DecoderContext;
import org.bson.codecs.EncoderContext;
import org.bson.io.BasicOutputBuffer;
import org.springframework.data.mongodb.core.convert.MongoConverter;

import java.nio.ByteBuffer;

/**
 * A member document as BSON bytes, written and read by the same mapping as the member list's documents, so a member
 * kept elsewhere (the index of member versions) reads back exactly as the member list would store it.
 */
final class MemberBson {

    private static final Codec<Document> CODEC = MongoClientSettings.getDefaultCodecRegistry().get(Document.class);

    private final MongoConverter converter;

    MemberBson(MongoConverter converter) {
        this.converter = converter;
    }

    byte[] write(MemberDocument member) {
        Document document = document(member);
        try (BasicOutputBuffer out = new BasicOutputBuffer(); BsonBinaryWriter writer = new BsonBinaryWriter(out)) {
            CODEC.encode(writer, document, EncoderContext.builder().build());
            return out.toByteArray();
        }
    }

    /** The member as the member list stores it. */
    Document document(MemberDocument member) {
        Document document = new Document();
        converter.write(member, document);
        return document;
    }

    MemberDocument read(byte[] bytes) {
        try (BsonBinaryReader reader = new BsonBinaryReader(ByteBuffer.wrap(bytes))) {
            return converter.read(MemberDocument.class, CODEC.decode(reader, DecoderContext.builder().build()));
        }
    }
}
