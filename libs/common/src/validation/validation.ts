import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { ClassConstructor, plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
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

/** The global HTTP pipe: whitelist, forbid unknown fields, transform. */
export function strictValidationPipe(): ValidationPipe {
  return new ValidationPipe({
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
