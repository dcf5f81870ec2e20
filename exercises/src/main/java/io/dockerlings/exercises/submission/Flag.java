package io.dockerlings.exercises.submission;

import io.dockerlings.lessons.text.Text;

/** Why a submission file cannot be graded; each is graded zero with its reason. */
public enum Flag {
  EMPTY(new Text("the file is empty", "文件是空的")),
  GARBAGE(new Text("the file is not a dockerlings submission", "这个文件不是 dockerlings 的提交记录")),
  TAMPERED(new Text("the transcript was edited after it was written", "提交记录在写好之后被改过")),
  TRUNCATED(new Text("the transcript is cut short", "提交记录不完整，后面被截掉了")),
  FOREIGN(new Text("the submission is for another exercise", "这份提交属于另一个练习"));

  private final Text label;

  Flag(Text label) {
    this.label = label;
  }

  /** A short description in both languages. */
  public Text label() {
    return label;
  }
}
