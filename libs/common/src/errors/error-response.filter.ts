import {
  ArgumentsHost,
  Catch,
  ExceptionFilter,
  HttpException,
  HttpStatus,
  Logger,
} from '@nestjs/common';
import type { Response } from 'express';
import { DomainError, DomainErrorKind, FieldProblem } from './domain-error';

const STATUS: Record<DomainErrorKind, number> = {
  invalid: HttpStatus.BAD_REQUEST,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  'not-found': HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  unprocessable: HttpStatus.UNPROCESSABLE_ENTITY,
};

export interface ErrorBody {
  statusCode: number;
  code: string;
  message: string;
  fields: FieldProblem[];
}

/** One place maps every error to `{ statusCode, code, message, fields }`. */
@Catch()
export class ErrorResponseFilter implements ExceptionFilter {
  private readonly logger = new Logger('Errors');

  catch(exception: unknown, host: ArgumentsHost): void {
    if (host.getType() !== 'http') throw exception;
    const body = this.toBody(exception);
    if (body.statusCode >= 500) this.logger.error(exception);
    host.switchToHttp().getResponse<Response>().status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ErrorBody {
    if (exception instanceof DomainError) {
      return {
        statusCode: STATUS[exception.kind],
        code: exception.code,
        message: exception.message,
        fields: exception.fields,
      };
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse() as { fields?: FieldProblem[]; code?: string };
      const statusCode = exception.getStatus();
      // A 400 from a framework pipe (ParseEnumPipe…) still says what was wrong.
      const fields =
        response.fields ??
        (statusCode === 400 ? [{ field: '(request)', reason: exception.message }] : []);
      return {
        statusCode,
        code: response.code ?? `HTTP.${HttpStatus[statusCode] ?? statusCode}`,
        message: exception.message,
        fields,
      };
    }
    return { statusCode: 500, code: 'INTERNAL', message: 'internal error', fields: [] };
  }
}
