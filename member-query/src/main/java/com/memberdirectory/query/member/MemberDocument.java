package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.LoginEmailType;
import com.memberdirectory.kernel.member.MemberStatus;
import com.memberdirectory.kernel.member.MemberView;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.util.List;

/** One member in the member list (collection {@code members}), owned by {@link MemberProjection}. */
@Document("members")
class MemberDocument {

    @Id
    String id;
    long version;
    MemberStatus status;
    String name;
    String userId;
    String workEmail;
    String loginEmail;
    LoginEmailType loginEmailType;
    String phone;
    List<String> departmentIds;

    MemberView toView() {
        return new MemberView(id, version, status, name, userId, workEmail, loginEmail, loginEmailType, phone,
                departmentIds == null ? List.of() : List.copyOf(departmentIds));
    }
}
