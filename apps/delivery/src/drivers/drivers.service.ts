import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import { DomainError } from '@app/common';
import { DriverView, RegisterDriverDto, UpdateDriverDto } from './driver.dto';
import { DriverRecord } from './driver.schema';

@Injectable()
export class DriversService {
  constructor(@InjectModel(DriverRecord.name) private readonly drivers: Model<DriverRecord>) {}

  async register(dto: RegisterDriverDto): Promise<DriverView> {
    const { driverId, ...rest } = dto;
    try {
      const created = await this.drivers.create({ _id: driverId, ...rest, active: true });
      return toView(created.toObject());
    } catch (error) {
      if ((error as { code?: number }).code === 11000) {
        throw new DomainError(
          'DRIVER.ALREADY_REGISTERED',
          `driver ${driverId} exists`,
          'conflict',
          [{ field: 'driverId', reason: 'already registered' }],
        );
      }
      throw error;
    }
  }

  async update(id: string, dto: UpdateDriverDto): Promise<DriverView> {
    const updated = await this.drivers
      .findOneAndUpdate({ _id: id }, { $set: dto }, { new: true })
      .lean()
      .exec();
    if (!updated) throw DomainError.notFound('driver', id);
    return toView(updated);
  }

  async list(): Promise<DriverView[]> {
    const found = await this.drivers.find().sort({ name: 1 }).lean().exec();
    return found.map(toView);
  }

  async find(id: string): Promise<DriverView | null> {
    const found = await this.drivers.findById(id).lean().exec();
    return found ? toView(found) : null;
  }

  async get(id: string): Promise<DriverView> {
    const found = await this.drivers.findById(id).lean().exec();
    if (!found) throw DomainError.notFound('driver', id);
    return toView(found);
  }
}

function toView(d: DriverRecord): DriverView {
  return { id: d._id, name: d.name, phone: d.phone, vehicle: d.vehicle, active: d.active };
}
