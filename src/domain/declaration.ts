/**
 * The 承诺书 an applicant accepts when submitting. Its version is recorded with each submission, so
 * the text the applicant saw can be told years later; a changed text gets a new version.
 */
export const DECLARATION = {
  version: '2026.1',
  zh: [
    '本单位郑重承诺：',
    '一、申报材料所填内容及所附附件真实、准确、完整，不存在弄虚作假、抄袭剽窃等行为；',
    '二、同一项目未以不同名义在其他财政科技计划中重复申报；',
    '三、本单位近三年无严重失信记录，未被列入科研失信行为记录；',
    '四、如获立项，将按任务书要求实施项目、规范使用财政资金并接受监督检查；',
    '如有违反，愿承担相应责任，并接受取消申报资格、追回资金等处理。',
  ].join('\n'),
  en: [
    'We solemnly declare that:',
    '1. the application and its attachments are true, accurate and complete, with nothing falsified or plagiarised;',
    '2. the same project has not been submitted under another name to another publicly funded S&T programme;',
    '3. we have no record of serious dishonesty or research misconduct in the last three years;',
    '4. if funded, we will carry out the project as contracted, use the public funds properly and accept inspection.',
    'Should any of this prove untrue, we accept the consequences, including disqualification and recovery of funds.',
  ].join('\n'),
} as const;
