package com.memberdirectory.query.member;

import com.memberdirectory.kernel.member.MemberView;
import com.memberdirectory.query.support.DeadLetteredSequences;
import com.memberdirectory.query.support.ProcessingGroups;
import com.memberdirectory.query.support.ProjectionWaiters;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The read-your-writes waiters of the {@code members} read model. */
@Configuration(proxyBeanMethods = false)
class MemberReadYourWrites {

    @Bean
    ProjectionWaiters<MemberView> memberWaiters(DeadLetteredSequences deadLetters) {
        return new ProjectionWaiters<>("members", ProcessingGroups.MEMBERS, deadLetters);
    }
}
