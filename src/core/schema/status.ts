import * as z from 'zod';
import { IMPACTS, INCIDENT_COMPONENT_STATUSES, MAINTENANCE_COMPONENT_STATUSES } from '../status.ts';

export const incidentComponentStatus = z.enum(INCIDENT_COMPONENT_STATUSES);
export const maintenanceComponentStatus = z.enum(MAINTENANCE_COMPONENT_STATUSES);
export const impact = z.enum(IMPACTS);
