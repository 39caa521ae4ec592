/** What other features use of early warning: the grades (plans tie activation criteria to them). */
export { WarningGradeSchema, gradeRank, type WarningGrade } from './warning-grades';
