package com.memberdirectory.kernel.admin;

import java.util.List;

public record AdminList(List<AdminView> items) {
}
