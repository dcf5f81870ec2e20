package io.dockerlings.lessons.goal;

import io.dockerlings.lessons.text.Text;

/** The words goals use for a container's state, in both languages. */
final class Words {
  private Words() {}

  /** A container state ({@code running}) as a learner reads it. */
  static Text status(String status) {
    String zh =
        switch (status) {
          case "created" -> "已创建（未启动）";
          case "running" -> "运行中";
          case "paused" -> "已暂停";
          case "exited" -> "已退出";
          case "restarting" -> "重启中";
          case "dead" -> "已死亡";
          case "removing" -> "删除中";
          default -> status;
        };
    return new Text(status, zh);
  }
}
