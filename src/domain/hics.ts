import { z } from 'zod';

/** The Command and the four HICS sections; tasks and positions belong to one of them. */
export const SectionSchema = z.enum(['command', 'operations', 'planning', 'logistics', 'finance']);
export type Section = z.infer<typeof SectionSchema>;

export type PositionKind = 'commander' | 'command_staff' | 'section_chief' | 'branch' | 'unit';

export type Position = {
  /** Stable id, dotted by its place in the tree (`ops.medical-care`), used by assignments, tasks and sheets. */
  id: string;
  parentId: string | null;
  kind: PositionKind;
  section: Section;
  name: { 'zh-CN': string; en: string };
};

type Row = [id: string, parentId: string | null, kind: PositionKind, section: Section, zh: string, en: string];

// HICS 2014 Incident Management Team chart (HICS 207), trimmed to the branches and units a
// hospital command room staffs in practice.
// Chinese names follow the terms Chinese hospitals use for their emergency command organisation.
const rows: Row[] = [
  ['ic', null, 'commander', 'command', '总指挥（指挥长）', 'Incident Commander'],
  ['pio', 'ic', 'command_staff', 'command', '新闻发言人（信息发布官）', 'Public Information Officer'],
  ['liaison', 'ic', 'command_staff', 'command', '联络官', 'Liaison Officer'],
  ['safety', 'ic', 'command_staff', 'command', '安全官', 'Safety Officer'],
  ['med-tech', 'ic', 'command_staff', 'command', '医疗技术专家', 'Medical-Technical Specialist'],

  ['ops', 'ic', 'section_chief', 'operations', '行动组组长（医疗救治）', 'Operations Section Chief'],
  ['ops.medical-care', 'ops', 'branch', 'operations', '医疗救治分组', 'Medical Care Branch'],
  ['ops.medical-care.inpatient', 'ops.medical-care', 'unit', 'operations', '住院救治单元', 'Inpatient Unit'],
  ['ops.medical-care.outpatient', 'ops.medical-care', 'unit', 'operations', '门急诊单元', 'Outpatient Unit'],
  ['ops.medical-care.casualty-care', 'ops.medical-care', 'unit', 'operations', '伤员救治单元', 'Casualty Care Unit'],
  ['ops.medical-care.mental-health', 'ops.medical-care', 'unit', 'operations', '心理援助单元', 'Mental Health Unit'],
  ['ops.medical-care.clinical-support', 'ops.medical-care', 'unit', 'operations', '医技保障单元', 'Clinical Support Services Unit'],
  ['ops.medical-care.patient-registration', 'ops.medical-care', 'unit', 'operations', '患者登记单元', 'Patient Registration Unit'],
  ['ops.infrastructure', 'ops', 'branch', 'operations', '基础设施分组', 'Infrastructure Branch'],
  ['ops.security', 'ops', 'branch', 'operations', '安保分组', 'Security Branch'],
  ['ops.hazmat', 'ops', 'branch', 'operations', '危化品处置分组', 'HazMat Branch'],
  ['ops.business-continuity', 'ops', 'branch', 'operations', '业务连续性分组', 'Business Continuity Branch'],
  ['ops.patient-family', 'ops', 'branch', 'operations', '患者家属援助分组', 'Patient Family Assistance Branch'],

  ['planning', 'ic', 'section_chief', 'planning', '计划组组长', 'Planning Section Chief'],
  ['planning.resources', 'planning', 'unit', 'planning', '资源单元', 'Resources Unit'],
  ['planning.situation', 'planning', 'unit', 'planning', '态势单元', 'Situation Unit'],
  ['planning.documentation', 'planning', 'unit', 'planning', '文档单元', 'Documentation Unit'],
  ['planning.demobilisation', 'planning', 'unit', 'planning', '撤收单元', 'Demobilization Unit'],

  ['logistics', 'ic', 'section_chief', 'logistics', '后勤保障组组长', 'Logistics Section Chief'],
  ['logistics.service', 'logistics', 'branch', 'logistics', '服务分组', 'Service Branch'],
  ['logistics.service.it', 'logistics.service', 'unit', 'logistics', '信息技术单元', 'IT/IS Unit'],
  ['logistics.service.communications', 'logistics.service', 'unit', 'logistics', '通信单元', 'Communications Unit'],
  ['logistics.service.food-water', 'logistics.service', 'unit', 'logistics', '员工餐饮单元', 'Staff Food and Water Unit'],
  ['logistics.support', 'logistics', 'branch', 'logistics', '支援分组', 'Support Branch'],
  ['logistics.support.supply', 'logistics.support', 'unit', 'logistics', '物资供应单元', 'Supply Unit'],
  ['logistics.support.facilities', 'logistics.support', 'unit', 'logistics', '设施单元', 'Facilities Unit'],
  ['logistics.support.transportation', 'logistics.support', 'unit', 'logistics', '运输单元', 'Transportation Unit'],
  ['logistics.support.labour-pool', 'logistics.support', 'unit', 'logistics', '人力资源与资质单元', 'Labor Pool and Credentialing Unit'],
  ['logistics.support.employee-health', 'logistics.support', 'unit', 'logistics', '员工健康与关怀单元', 'Employee Health and Well-Being Unit'],

  ['finance', 'ic', 'section_chief', 'finance', '财务行政组组长', 'Finance/Administration Section Chief'],
  ['finance.time', 'finance', 'unit', 'finance', '工时单元', 'Time Unit'],
  ['finance.procurement', 'finance', 'unit', 'finance', '采购单元', 'Procurement Unit'],
  ['finance.compensation', 'finance', 'unit', 'finance', '赔偿与索赔单元', 'Compensation/Claims Unit'],
  ['finance.cost', 'finance', 'unit', 'finance', '成本核算单元', 'Cost Unit'],
];

export const hicsPositions: readonly Position[] = rows.map(([id, parentId, kind, section, zh, en]) => ({
  id,
  parentId,
  kind,
  section,
  name: { 'zh-CN': zh, en },
}));

const byId = new Map(hicsPositions.map((p) => [p.id, p]));

export function findPosition(id: string): Position | undefined {
  return byId.get(id);
}

export const PositionIdSchema = z.string().refine((id) => byId.has(id), { message: 'must be a HICS position id' });

/** The positions whose vacancy is flagged: without them nobody commands or runs a section. */
export const keyPositionIds = ['ic', 'ops', 'planning', 'logistics', 'finance'] as const;

export function childPositions(parentId: string | null): Position[] {
  return hicsPositions.filter((p) => p.parentId === parentId);
}

/** The position and its chain of command up to the Incident Commander. */
export function positionPath(id: string): Position[] {
  const path: Position[] = [];
  for (let p = byId.get(id); p; p = p.parentId === null ? undefined : byId.get(p.parentId)) path.unshift(p);
  return path;
}
