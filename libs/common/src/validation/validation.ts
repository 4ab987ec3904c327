import { ArgumentMetadata, BadRequestException, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import {
  getMetadataStorage,
  validateSync,
  ValidationError,
  ValidationTypes,
  type ValidatorOptions,
} from 'class-validator';
import { DomainError, FieldProblem } from '../errors/domain-error';

const OPTIONS = { whitelist: true, forbidNonWhitelisted: true } as const;

/** Flattens nested class-validator errors into `field.path: reason` pairs. */
export function toFieldProblems(errors: ValidationError[], prefix = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((reason) => ({ field, reason }));
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

function describe(fields: FieldProblem[]): string {
  return fields.map((f) => `${f.field}: ${f.reason}`).join('; ');
}

/**
 * Properties a DTO requires: those with validation rules but no `@IsOptional` / `@ValidateIf`.
 * class-validator checks a nested DTO only when it is present, so a missing `contact` would pass.
 */
function requiredProperties(target: object): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(
    target.constructor,
    '',
    true,
    false,
  );
  const optional = new Set(
    metadata
      .filter((m) => m.type === ValidationTypes.CONDITIONAL_VALIDATION)
      .map((m) => m.propertyName),
  );
  return [...new Set(metadata.map((m) => m.propertyName))].filter((p) => !optional.has(p));
}

/** `must be provided` for every required property that is missing, at any depth. */
export function missingRequired(object: object): ValidationError[] {
  const record = object as Record<string, unknown>;
  const errors: ValidationError[] = [];
  for (const property of requiredProperties(object)) {
    const value = record[property];
    if (value === undefined || value === null) {
      errors.push(
        Object.assign(new ValidationError(), {
          property,
          value,
          constraints: { isDefined: `${property} must be provided` },
          children: [],
        }),
      );
    }
  }
  for (const [property, value] of Object.entries(record)) {
    const items = Array.isArray(value) ? value : [value];
    items.forEach((item: unknown, i) => {
      if (typeof item !== 'object' || item === null || item.constructor === Object) return;
      const children = missingRequired(item);
      if (children.length === 0) return;
      errors.push(
        Object.assign(new ValidationError(), {
          property: Array.isArray(value) ? `${property}.${i}` : property,
          children,
        }),
      );
    });
  }
  return errors;
}

const BODY_MAY_BE_OMITTED = Symbol('body may be omitted');

/**
 * Marks a DTO whose fields are all optional and whose body a client may leave out entirely
 * (a driver's step without a recorded time): no body is then the empty DTO, not a 400.
 */
export function BodyMayBeOmitted(): ClassDecorator {
  return (target) => {
    Reflect.defineMetadata(BODY_MAY_BE_OMITTED, true, target);
  };
}

/**
 * Strict validation: unknown fields refused, nested DTOs required unless optional, and a body
 * parameter must be a JSON object (no body, or one sent as text, is not an empty DTO, unless
 * the DTO is marked `BodyMayBeOmitted`).
 */
class StrictValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (
      value === undefined &&
      metadata.type === 'body' &&
      metadata.metatype &&
      Reflect.getMetadata(BODY_MAY_BE_OMITTED, metadata.metatype) === true
    )
      value = {};
    if (
      metadata.type === 'body' &&
      metadata.metatype &&
      this.toValidate(metadata) &&
      (typeof value !== 'object' || value === null || Array.isArray(value))
    ) {
      throw new BadRequestException({
        code: 'VALIDATION.BODY_REQUIRED',
        message: 'send a JSON object body (Content-Type: application/json)',
        fields: [{ field: '(body)', reason: 'must be a JSON object' }],
      });
    }
    return super.transform(value, metadata);
  }

  protected override async validate(
    object: object,
    validatorOptions?: ValidatorOptions,
  ): Promise<ValidationError[]> {
    const errors = await super.validate(object, validatorOptions);
    const reported = new Set(errors.map((e) => e.property));
    return [...errors, ...missingRequired(object).filter((e) => !reported.has(e.property))];
  }
}

/** The global HTTP pipe: whitelist, forbid unknown fields, transform. */
export function strictValidationPipe(): ValidationPipe {
  return new StrictValidationPipe({
    ...OPTIONS,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = toFieldProblems(errors);
      return new BadRequestException({
        code: 'VALIDATION.FAILED',
        message: describe(fields),
        fields,
      });
    },
  });
}

/** The same validation for Kafka payloads and anything else that arrives from outside. */
export function validatePayload<T extends object>(type: ClassConstructor<T>, plain: unknown): T {
  if (typeof plain !== 'object' || plain === null) {
    throw new DomainError('VALIDATION.FAILED', 'payload must be an object', 'invalid');
  }
  const instance = plainToInstance(type, plain);
  const fields = toFieldProblems(validateSync(instance, OPTIONS));
  if (fields.length > 0)
    throw new DomainError('VALIDATION.FAILED', describe(fields), 'invalid', fields);
  return instance;
}
