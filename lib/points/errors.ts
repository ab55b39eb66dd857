/**
 * Errors thrown by the points library. Each carries a stable `code` so the server can map it to
 * an HTTP status and the estimator can show a message, without matching on message text.
 */
export type PointsErrorCode = "INVALID_INPUT" | "UNKNOWN_MODEL" | "UNKNOWN_SCHEDULE" | "NO_SCHEDULE" | "MODEL_NOT_OFFERED";

export class PointsError extends Error {
  readonly code: PointsErrorCode;

  constructor(message: string, code: PointsErrorCode = "INVALID_INPUT") {
    super(message);
    // Set explicitly: minifiers rename classes, and logs should still say what went wrong.
    this.name = "PointsError";
    this.code = code;
  }
}

export class UnknownModelError extends PointsError {
  readonly modelId: string;

  constructor(modelId: string, knownIds: readonly string[]) {
    super(`Unknown model id "${modelId}". Known model ids: ${knownIds.join(", ")}.`, "UNKNOWN_MODEL");
    this.name = "UnknownModelError";
    this.modelId = modelId;
  }
}

export class UnknownScheduleError extends PointsError {
  readonly scheduleId: string;

  constructor(scheduleId: string, knownIds: readonly string[]) {
    super(`Unknown reward schedule "${scheduleId}". Known schedules: ${knownIds.join(", ")}.`, "UNKNOWN_SCHEDULE");
    this.name = "UnknownScheduleError";
    this.scheduleId = scheduleId;
  }
}

export class NoScheduleError extends PointsError {
  constructor(at: Date, firstEffectiveFrom: string | undefined) {
    super(`No reward schedule is in force at ${at.toISOString()}` + (firstEffectiveFrom ? `; the first one starts at ${firstEffectiveFrom}.` : "."), "NO_SCHEDULE");
    this.name = "NoScheduleError";
  }
}

export class ModelNotOfferedError extends PointsError {
  readonly modelId: string;
  readonly scheduleId: string;

  constructor(modelId: string, scheduleId: string) {
    super(`Model "${modelId}" is not offered by reward schedule "${scheduleId}".`, "MODEL_NOT_OFFERED");
    this.name = "ModelNotOfferedError";
    this.modelId = modelId;
    this.scheduleId = scheduleId;
  }
}
